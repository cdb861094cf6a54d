"""Workbooks written part by part, streamed into the zip: hostile files for the tests and the
benchmark of the import's bounds (bench/imports.py), made without openpyxl so that millions of
rows or strings take seconds, not minutes."""

import struct
import zipfile
from typing import BinaryIO

_MAIN = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_RELS = b'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
_TYPE = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_SML = b"application/vnd.openxmlformats-officedocument.spreadsheetml."
_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" '
    b'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/xl/workbook.xml" ContentType="' + _SML + b'sheet.main+xml"/>'
    b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="' + _SML + b'worksheet+xml"/>'
    b'<Override PartName="/xl/sharedStrings.xml" ContentType="' + _SML + b'sharedStrings+xml"/>'
    b'<Override PartName="/xl/styles.xml" ContentType="' + _SML + b'styles+xml"/>'
    b"</Types>"
)
_ROOT_RELS = (
    b"<Relationships " + _RELS + b'><Relationship Id="rId1" '
    b'Type="' + _TYPE + b'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    b"<workbook "
    + _MAIN
    + b' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    b'<sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    b"<Relationships " + _RELS + b">"
    b'<Relationship Id="rId1" Type="' + _TYPE + b'worksheet" Target="worksheets/sheet1.xml"/>'
    b'<Relationship Id="rId2" Type="' + _TYPE + b'sharedStrings" Target="sharedStrings.xml"/>'
    b'<Relationship Id="rId3" Type="' + _TYPE + b'styles" Target="styles.xml"/>'
    b"</Relationships>"
)
_CHUNK = 10_000


def _repeat(part: BinaryIO, piece: bytes, times: int) -> None:
    whole, rest = divmod(times, _CHUNK)
    block = piece * _CHUNK
    for _ in range(whole):
        part.write(block)
    part.write(piece * rest)


def write_workbook(
    out: BinaryIO,
    *,
    rows: int = 1,
    shared_strings: int = 1,
    styles: int = 0,
    extra_members: int = 0,
    dimension: bool = False,
) -> None:
    """A workbook whose one sheet holds a header "Title" and `rows` - 1 rows of the number 1,
    with `shared_strings` entries in its shared strings, `styles` extra cell formats and
    `extra_members` more (empty) parts. The sheet states its dimension only if `dimension`
    is true, as a hostile one need not."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with archive.open("xl/sharedStrings.xml", "w") as part:
            part.write(b"<sst " + _MAIN + b"><si><t>Title</t></si>")
            _repeat(part, b"<si><t>x</t></si>", max(shared_strings - 1, 0))
            part.write(b"</sst>")
        with archive.open("xl/styles.xml", "w") as part:
            part.write(
                b"<styleSheet "
                + _MAIN
                + b"><fonts><font/></fonts><fills><fill><patternFill/></fill></fills>"
            )
            part.write(b"<borders><border/></borders>")
            part.write(b'<cellStyleXfs><xf numFmtId="0"/></cellStyleXfs><cellXfs>')
            _repeat(part, b'<xf numFmtId="0"/>', styles + 1)
            part.write(b'</cellXfs><cellStyles><cellStyle name="Normal" xfId="0" builtinId="0"/>')
            part.write(b"</cellStyles></styleSheet>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as part:
            part.write(b"<worksheet " + _MAIN + b">")
            if dimension:
                part.write(b'<dimension ref="A1:A%d"/>' % rows)
            part.write(b'<sheetData><row r="1">')
            part.write(b'<c r="A1" t="s"><v>0</v></c></row>')
            # Rows without a number follow the one before, as the format allows.
            _repeat(part, b"<row><c><v>1</v></c></row>", rows - 1)
            part.write(b"</sheetData></worksheet>")
        for number in range(extra_members):
            archive.writestr(f"customXml/item{number}.bin", b"")


def understate_size(data: bytes, member: str, size: int) -> bytes:
    """The zip `data` with `member`'s unpacked size in the central directory set to `size`, as
    a zip bomb that lies about its size would have it."""
    name = member.encode()
    at = data.index(b"PK\x01\x02")
    while at != -1:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + name_length] == name:
            return data[: at + 24] + struct.pack("<I", size) + data[at + 28 :]
        at = data.find(b"PK\x01\x02", at + 46)
    raise ValueError(f"{member} is not in the zip")
