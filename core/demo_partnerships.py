"""The demo's partnerships (core/demo/partnerships.yaml), made before anything that belongs to
one; the other apps' demo files name a partnership by its short name."""

from core.models import Partnership
from core.seed_files import read_seed


def ensure_demo_partnerships() -> int:
    """Create the partnerships that are missing; return how many were created."""
    created = 0
    for row in read_seed("core", "partnerships")["partnerships"]:
        partnership, new = Partnership.objects.get_or_create(
            short_name=row["short_name"],
            defaults={
                "name": row["name"],
                "slug": row["slug"],
                "area": row["area"],
                "area_code": row.get("area_code", ""),
            },
        )
        created += new
        # A demo loaded before partnerships had area codes gains its code once.
        if not partnership.area_code and row.get("area_code"):
            Partnership.objects.filter(pk=partnership.pk).update(area_code=row["area_code"])
    return created


def demo_partnership(short_name: str) -> Partnership:
    """The partnership a demo file names by its short name (made if missing)."""
    partnership = Partnership.objects.filter(short_name=short_name).first()
    if partnership is None:
        ensure_demo_partnerships()
        partnership = Partnership.objects.get(short_name=short_name)
    return partnership
