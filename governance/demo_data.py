"""Demo data for the governance part of the Joint Commissioning Manager.

Organisations, boards (with their reporting lines and purposes) and stakeholder groups come from
the two seed frameworks: Halton Children's Trust Commissioning Framework 2018-21 (section 8
"Governance", section 9 "Participation, engagement and consultation" and Appendix 1 "Governance
Structure") and West Cheshire Children's Trust Joint Commissioning Framework 2017/19 (the
"Governance" and "Monitoring and Review" sections and section 6 on participation; its Appendix A
"Children's Trust Executive Structure" holds only a heading in the seed text).

Memberships, meetings, agenda items, minutes and decisions are SAMPLE data written for the demo:
people are job titles, never real or invented names. Meeting frequencies are sample values too,
because neither seed states them. Day offsets are relative to the day the data is loaded.

Plain Python constants only; the loader resolves names to objects.
"""

# ---------------------------------------------------------------------------------------------
# Organisations: partner agencies named in either seed, plus generic sector entries where the
# seeds mention a sector without naming a body ("schools", "voluntary sector", "police").
# ---------------------------------------------------------------------------------------------
ORGANISATIONS = [
    # Halton
    {"short_name": "HBC", "name": "Halton Borough Council", "kind": "council"},
    {
        "short_name": "NHS Halton CCG",
        "name": "NHS Halton Clinical Commissioning Group",
        "kind": "ccg",
    },
    {
        "short_name": "Halton Public Health",
        "name": "Public Health Team, Halton Borough Council",
        "kind": "public_health",
    },
    # Halton Family Voice and Halton ImPart are named (Appendix 1, section 9) but not described;
    # their kinds are inferred.
    {"short_name": "Halton Family Voice", "name": "Halton Family Voice", "kind": "voluntary"},
    {"short_name": "Halton ImPart", "name": "Halton ImPart", "kind": "other"},
    {"short_name": "Citizens Advice", "name": "Citizens Advice Bureau", "kind": "voluntary"},
    # West Cheshire
    {"short_name": "CWaC", "name": "Cheshire West and Chester Council", "kind": "council"},
    {
        "short_name": "NHS West Cheshire CCG",
        "name": "NHS West Cheshire Clinical Commissioning Group",
        "kind": "ccg",
    },
    {
        "short_name": "NHS Vale Royal CCG",
        "name": "NHS Vale Royal Clinical Commissioning Group",
        "kind": "ccg",
    },
    {
        "short_name": "CWaC Public Health",
        "name": "Public Health, Cheshire West and Chester Council",
        "kind": "public_health",
    },
    {
        "short_name": "CWP",
        "name": "Cheshire and Wirral Partnership NHS Trust",
        "kind": "nhs_trust",
    },
    {
        "short_name": "East Cheshire NHS Trust",
        "name": "East Cheshire NHS Trust",
        "kind": "nhs_trust",
    },
    {"short_name": "Hinderton School", "name": "Hinderton School", "kind": "school"},
    {
        "short_name": "Regional Adoption Agency",
        "name": "Regional Adoption Agency",
        "kind": "other",
    },
    # Both partnerships
    {"short_name": "NHS England", "name": "NHS England", "kind": "nhs_england"},
    {"short_name": "PHE", "name": "Public Health England", "kind": "public_health"},
    # Generic entries: the seeds mention these sectors without naming a body.
    {"short_name": "Schools", "name": "Schools and academies", "kind": "school"},
    {
        "short_name": "VCF sector",
        "name": "Voluntary, community and faith sector",
        "kind": "voluntary",
    },
    # Halton 7.2 lists "police" among Early Help partners; no force is named in either seed.
    {"short_name": "Police", "name": "Police (local force)", "kind": "police"},
    # Halton 6.2 names General Practice as a provider; used here to convene Patient Participation
    # Groups (an inference: the West Cheshire seed names the group but not who runs it).
    {"short_name": "GP practices", "name": "General practices (GP surgeries)", "kind": "other"},
]

# ---------------------------------------------------------------------------------------------
# Boards and groups, parents listed before children.
#
# Halton: Appendix 1 is a flattened org chart with no indentation left, so every reporting line
# below Halton Children's Trust Board is inferred from the order of the boxes and from the prose:
# - Health and Wellbeing Board and Local Children's Safeguarding Board are statutory boards shown
#   alongside the Trust Board; they are modelled as peers (reports_to None), not as sub-groups.
# - "Commissioning Partnership" is taken to be the Children and Families Commissioning
#   Partnership of section 5, reporting to the Trust Board.
# - "SEND Commissioning Partnership Board" follows "Commissioning Partnership" in the chart and
#   is placed under it (it could equally sit under the SEND Strategic Group).
# - SEND Review, Preparing for Adulthood Strategic Group and EHC Plans Audit Group are placed
#   under the SEND Strategic Group.
# - "Halton ImPart & Halton Family Voice" is one box; it is split into two bodies here, both
#   placed under the SEND Strategic Group.
# - Youth Cabinet, Children in Care Council and INVOLVE Group (critical friend to the Trust)
#   report to the Trust Board.
# - One Halton Child Development Group is named in section 7.1, not in the appendix; placed
#   under the Health and Wellbeing Board because it serves the One Halton Health and Wellbeing
#   Strategy priority on early child development.
#
# West Cheshire: Appendix A has no content in the seed, so all lines are inferred from the prose:
# - Children's Trust Executive at the top; LSCB and Health and Wellbeing Board as peers.
# - The EHWP partnership, the Early Years Closing the Gap work stream, the Eat Well Be Active
#   strategy group and the youth voice groups report to the Children's Trust Executive; the
#   Access sub-group reports to the EHWP. "EHWP" is expanded to Emotional Health and Wellbeing
#   Partnership (the seed only uses the abbreviation).
# ---------------------------------------------------------------------------------------------
BOARDS = [
    # ----- Halton -----
    {
        "name": "Halton Children's Trust Board",
        "partnership": "Halton",
        "kind": "board",
        "reports_to": None,
        "purpose": (
            "Responsible for developing and agreeing the Children, Young People and Families "
            "Plan, setting the strategic vision and direction and ensuring the commissioning "
            "cycle is followed through. Provides a strategic framework within which partners may "
            "agree to commission services together with integrated, shared, pooled or aligned "
            "resources."
        ),
        "meeting_frequency": "Quarterly",
    },
    {
        "name": "Health and Wellbeing Board",
        "partnership": "Halton",
        "kind": "board",
        "reports_to": None,
        "purpose": (
            "Shown alongside the Trust Board in the governance structure. The Health and "
            "Wellbeing Strategy and the JSNA inform the Children, Young People and Families "
            "Plan, and improving early child development is a key priority of the One Halton "
            "Health and Wellbeing Strategy 2017-2022."
        ),
        "meeting_frequency": "Bi-monthly",
    },
    {
        "name": "Local Children's Safeguarding Board",
        "partnership": "Halton",
        "kind": "board",
        "reports_to": None,
        "purpose": (
            "Halton's Safeguarding Children Board works in partnership across Cheshire to "
            "improve the way child sexual exploitation and missing children are tackled, with "
            "joint protocols and priorities to identify and manage risk."
        ),
        "meeting_frequency": "Bi-monthly",
    },
    {
        "name": "SEND Strategic Group",
        "partnership": "Halton",
        "kind": "strategic_group",
        "reports_to": "Halton Children's Trust Board",
        "purpose": (
            "Leads the SEND priority: to improve outcomes for children and young people with "
            "SEND through working with partners to identify, scope, prioritise, jointly "
            "commission, review and evaluate SEND provision."
        ),
        "meeting_frequency": "Bi-monthly",
    },
    {
        "name": "Children and Families Commissioning Partnership",
        "partnership": "Halton",
        "kind": "partnership",
        "reports_to": "Halton Children's Trust Board",
        "purpose": (
            'Shown as "Commissioning Partnership" in the governance structure. Delivers the '
            "Trust's strategic intentions and has agreed its commissioning principles, including "
            "an outcome based approach, participation of children and families at all stages of "
            "the commissioning cycle and transparent, fair tendering and procurement."
        ),
        "meeting_frequency": "Monthly",
    },
    {
        "name": "Halton Youth Cabinet",
        "partnership": "Halton",
        "kind": "youth_voice",
        "reports_to": "Halton Children's Trust Board",
        "purpose": (
            "Youth voice body in the Trust governance structure, part of the arrangements that "
            "ensure the voices of children and young people are heard."
        ),
        "meeting_frequency": "Monthly",
    },
    {
        "name": "Children in Care Council",
        "partnership": "Halton",
        "kind": "youth_voice",
        "reports_to": "Halton Children's Trust Board",
        "purpose": (
            "Voice of children in care in the Trust governance structure, informing the Children "
            "in Care priority: to improve outcomes for children in care."
        ),
        "meeting_frequency": "Monthly",
    },
    {
        "name": "INVOLVE Group",
        "partnership": "Halton",
        "kind": "forum",
        "reports_to": "Halton Children's Trust Board",
        "purpose": (
            "Acts as a critical friend to the Trust on the participation of stakeholders in "
            "decision-making processes. Representatives include young people, the CCG, Halton "
            "Borough Council commissioning, service providers, Halton Family Voice and public "
            "stakeholders."
        ),
        "meeting_frequency": "Monthly",
    },
    {
        "name": "SEND Review",
        "partnership": "Halton",
        "kind": "sub_group",
        "reports_to": "SEND Strategic Group",
        "purpose": (
            "Reviews SEND provision so that support across education, health and social care is "
            "integrated around a straightforward, single plan for each child or young person."
        ),
        "meeting_frequency": "Bi-monthly",
    },
    {
        "name": "Preparing for Adulthood Strategic Group",
        "partnership": "Halton",
        "kind": "strategic_group",
        "reports_to": "SEND Strategic Group",
        "purpose": (
            "Focuses on the young person's pathway into adulthood, so that plans reflect "
            "aspirations and develop alongside the young person from early years to adulthood."
        ),
        "meeting_frequency": "Quarterly",
    },
    {
        "name": "EHC Plans Audit Group",
        "partnership": "Halton",
        "kind": "sub_group",
        "reports_to": "SEND Strategic Group",
        "purpose": (
            "Audits Education, Health and Care Plans, which replaced Statements of Special "
            "Educational Need from 1 September 2014 and should be clear about who is responsible "
            "for provision, with a specific focus on achievement of outcomes."
        ),
        "meeting_frequency": "Termly",
    },
    {
        "name": "Halton ImPart",
        "partnership": "Halton",
        "kind": "forum",
        "reports_to": "SEND Strategic Group",
        "purpose": (
            "Shown together with Halton Family Voice in the Trust governance structure; the "
            "framework gives no further description."
        ),
        "meeting_frequency": "Termly",
    },
    {
        "name": "Halton Family Voice",
        "partnership": "Halton",
        "kind": "forum",
        "reports_to": "SEND Strategic Group",
        "purpose": (
            "Shown together with Halton ImPart in the Trust governance structure and represented "
            "on the INVOLVE group."
        ),
        "meeting_frequency": "Monthly",
    },
    {
        "name": "SEND Commissioning Partnership Board",
        "partnership": "Halton",
        "kind": "partnership",
        "reports_to": "Children and Families Commissioning Partnership",
        "purpose": (
            "Joint SEND commissioning: the commissioning team works with CCG colleagues and the "
            "SEN department so that assessments, contracts and the quality assurance of providers "
            "are developed jointly, including Short Breaks for Disabled Young People."
        ),
        "meeting_frequency": "Bi-monthly",
    },
    {
        "name": "One Halton Child Development Group",
        "partnership": "Halton",
        "kind": "strategic_group",
        "reports_to": "Health and Wellbeing Board",
        "purpose": (
            "Established following an independent review of Early Years. Developed a new Early "
            "Years Strategy and detailed Action Plan and produced a guide to parents on school "
            "readiness."
        ),
        "meeting_frequency": "Quarterly",
    },
    # ----- West Cheshire -----
    {
        "name": "Children's Trust Executive",
        "partnership": "West Cheshire",
        "kind": "executive",
        "reports_to": None,
        "purpose": (
            "Responsible for developing and agreeing the Children and Young People's Plan, "
            "setting the strategic direction and ensuring the commissioning cycle is followed "
            "through. Receives a termly review of each of the commissioning priorities."
        ),
        "meeting_frequency": "Termly",
    },
    {
        "name": "Local Safeguarding Children's Board (West Cheshire)",
        "partnership": "West Cheshire",
        "kind": "board",
        "reports_to": None,
        "purpose": (
            "Has identified Early Intervention as a key approach. The Joint Commissioning "
            "Framework ensures the requirements and priorities set out by the LSCB are met "
            "through multi-agency working and, where most effective, joint commissioning."
        ),
        "meeting_frequency": "Bi-monthly",
    },
    {
        "name": "Health and Wellbeing Board (West Cheshire)",
        "partnership": "West Cheshire",
        "kind": "board",
        "reports_to": None,
        "purpose": (
            "The development of Health and Wellbeing Boards and the borough wide Health and Well "
            "Being Strategy have shaped the establishment of joint priorities and commitments "
            "for action."
        ),
        "meeting_frequency": "Quarterly",
    },
    {
        "name": "Emotional Health and Wellbeing Partnership (EHWP)",
        "partnership": "West Cheshire",
        "kind": "partnership",
        "reports_to": "Children's Trust Executive",
        "purpose": (
            "Leads the priority to promote and improve the emotional health and wellbeing of "
            "children, young people and their families; the framework commits to regular "
            "scheduled EHWP Partnership and sub-group meetings."
        ),
        "meeting_frequency": "Bi-monthly",
    },
    {
        "name": "Early Years Closing the Gap Work Stream",
        "partnership": "West Cheshire",
        "kind": "sub_group",
        "reports_to": "Children's Trust Executive",
        "purpose": (
            "Targeted work stream to promote the development of children in Early Years so that "
            "the gap in outcomes between vulnerable children and their peers is closed."
        ),
        "meeting_frequency": "Termly",
    },
    # The seed reads "Strategy group Eats Well be Active framework"; the name is normalised.
    {
        "name": "Eat Well Be Active Strategy Group",
        "partnership": "West Cheshire",
        "kind": "strategic_group",
        "reports_to": "Children's Trust Executive",
        "purpose": (
            "Takes forward initiatives under the Eat Well Be Active framework to improve "
            "breastfeeding rates, as part of the Early Years Closing the Gap priority."
        ),
        "meeting_frequency": "Quarterly",
    },
    {
        "name": "Cheshire West and Chester Young People's Senate",
        "partnership": "West Cheshire",
        "kind": "youth_voice",
        "reports_to": "Children's Trust Executive",
        "purpose": (
            "Includes the UK Youth Parliament Representatives for Cheshire West and Chester; one "
            "of the groups partners work with to ensure true and wide engagement."
        ),
        "meeting_frequency": "Monthly",
    },
    {
        "name": "Children in Care Council (West Cheshire)",
        "partnership": "West Cheshire",
        "kind": "youth_voice",
        "reports_to": "Children's Trust Executive",
        "purpose": (
            "One of the groups partners work with to ensure true and wide engagement, informing "
            "the priority to support Children in Care and Care Leavers to achieve their full "
            "potential."
        ),
        "meeting_frequency": "Monthly",
    },
    {
        "name": "Access Sub-group",
        "partnership": "West Cheshire",
        "kind": "sub_group",
        "reports_to": "Emotional Health and Wellbeing Partnership (EHWP)",
        "purpose": (
            "Sub-group of the EHWP developing a single point of access service for children and "
            "young people's emotional health and wellbeing support."
        ),
        "meeting_frequency": "Monthly",
    },
]

# ---------------------------------------------------------------------------------------------
# Memberships (SAMPLE). "person" is always a job title. Offsets are days from today.
# ---------------------------------------------------------------------------------------------
_CTB = "Halton Children's Trust Board"
_CTE = "Children's Trust Executive"
_EHWP = "Emotional Health and Wellbeing Partnership (EHWP)"

MEMBERSHIPS = [
    # Halton Children's Trust Board
    {
        "board": _CTB,
        "person": "Director of Children's Services",
        "role": "chair",
        "organisation": "HBC",
        "start_days": -900,
        "end_days": None,
    },
    {
        "board": _CTB,
        "person": "Director of Commissioning, NHS Halton CCG",
        "role": "vice_chair",
        "organisation": "NHS Halton CCG",
        "start_days": -1100,
        "end_days": -240,
    },
    {
        "board": _CTB,
        "person": "Chief Officer, NHS Halton CCG",
        "role": "vice_chair",
        "organisation": "NHS Halton CCG",
        "start_days": -239,
        "end_days": None,
    },
    {
        "board": _CTB,
        "person": "Executive Board Member for Children, Young People and Families",
        "role": "member",
        "organisation": "HBC",
        "start_days": -600,
        "end_days": None,
    },
    {
        "board": _CTB,
        "person": "Director of Public Health",
        "role": "member",
        "organisation": "Halton Public Health",
        "start_days": -800,
        "end_days": None,
    },
    {
        "board": _CTB,
        "person": "Operational Director, Education, Inclusion and Provision",
        "role": "member",
        "organisation": "HBC",
        "start_days": -700,
        "end_days": None,
    },
    {
        "board": _CTB,
        "person": "Head of Early Help",
        "role": "member",
        "organisation": "HBC",
        "start_days": -500,
        "end_days": None,
    },
    {
        "board": _CTB,
        "person": "Head of Commissioning, Children's Services",
        "role": "officer",
        "organisation": "HBC",
        "start_days": -750,
        "end_days": None,
    },
    {
        "board": _CTB,
        "person": "Head Teacher representative (secondary)",
        "role": "member",
        "organisation": "Schools",
        "start_days": -400,
        "end_days": None,
    },
    {
        "board": _CTB,
        "person": "Parent carer representative",
        "role": "member",
        "organisation": "Halton Family Voice",
        "start_days": -450,
        "end_days": None,
    },
    {
        "board": _CTB,
        "person": "Voluntary sector representative",
        "role": "member",
        "organisation": "VCF sector",
        "start_days": -420,
        "end_days": None,
    },
    {
        "board": _CTB,
        "person": "Superintendent, Local Policing",
        "role": "member",
        "organisation": "Police",
        "start_days": -350,
        "end_days": None,
    },
    {
        "board": _CTB,
        "person": "Area Team representative, NHS England",
        "role": "adviser",
        "organisation": "NHS England",
        "start_days": -300,
        "end_days": None,
    },
    # Health and Wellbeing Board (Halton)
    {
        "board": "Health and Wellbeing Board",
        "person": "Leader of the Council",
        "role": "chair",
        "organisation": "HBC",
        "start_days": -1000,
        "end_days": None,
    },
    {
        "board": "Health and Wellbeing Board",
        "person": "Chief Officer, NHS Halton CCG",
        "role": "vice_chair",
        "organisation": "NHS Halton CCG",
        "start_days": -239,
        "end_days": None,
    },
    {
        "board": "Health and Wellbeing Board",
        "person": "Director of Public Health",
        "role": "member",
        "organisation": "Halton Public Health",
        "start_days": -800,
        "end_days": None,
    },
    {
        "board": "Health and Wellbeing Board",
        "person": "Health Protection Consultant, Public Health England",
        "role": "adviser",
        "organisation": "PHE",
        "start_days": -500,
        "end_days": None,
    },
    # Local Children's Safeguarding Board (Halton)
    {
        "board": "Local Children's Safeguarding Board",
        "person": "Independent Chair, Local Children's Safeguarding Board",
        "role": "chair",
        "organisation": "HBC",
        "start_days": -900,
        "end_days": None,
    },
    {
        "board": "Local Children's Safeguarding Board",
        "person": "Designated Nurse for Safeguarding Children",
        "role": "member",
        "organisation": "NHS Halton CCG",
        "start_days": -700,
        "end_days": None,
    },
    {
        "board": "Local Children's Safeguarding Board",
        "person": "Detective Superintendent, Public Protection",
        "role": "member",
        "organisation": "Police",
        "start_days": -600,
        "end_days": None,
    },
    {
        "board": "Local Children's Safeguarding Board",
        "person": "Director of Children's Services",
        "role": "member",
        "organisation": "HBC",
        "start_days": -900,
        "end_days": None,
    },
    # SEND Strategic Group
    {
        "board": "SEND Strategic Group",
        "person": "Operational Director, Education, Inclusion and Provision",
        "role": "chair",
        "organisation": "HBC",
        "start_days": -700,
        "end_days": None,
    },
    {
        "board": "SEND Strategic Group",
        "person": "Designated Clinical Officer for SEND",
        "role": "member",
        "organisation": "NHS Halton CCG",
        "start_days": -650,
        "end_days": None,
    },
    {
        "board": "SEND Strategic Group",
        "person": "Head of SEN Service",
        "role": "officer",
        "organisation": "HBC",
        "start_days": -650,
        "end_days": None,
    },
    {
        "board": "SEND Strategic Group",
        "person": "Parent carer representative",
        "role": "member",
        "organisation": "Halton Family Voice",
        "start_days": -500,
        "end_days": None,
    },
    # Children and Families Commissioning Partnership
    {
        "board": "Children and Families Commissioning Partnership",
        "person": "Head of Commissioning, Children's Services",
        "role": "chair",
        "organisation": "HBC",
        "start_days": -750,
        "end_days": None,
    },
    {
        "board": "Children and Families Commissioning Partnership",
        "person": "Head of Commissioning, NHS Halton CCG",
        "role": "vice_chair",
        "organisation": "NHS Halton CCG",
        "start_days": -700,
        "end_days": None,
    },
    {
        "board": "Children and Families Commissioning Partnership",
        "person": "Public Health Commissioning Manager",
        "role": "member",
        "organisation": "Halton Public Health",
        "start_days": -600,
        "end_days": None,
    },
    {
        "board": "Children and Families Commissioning Partnership",
        "person": "Procurement Manager",
        "role": "officer",
        "organisation": "HBC",
        "start_days": -550,
        "end_days": None,
    },
    # Halton Youth Cabinet
    {
        "board": "Halton Youth Cabinet",
        "person": "Youth Cabinet chair (young person)",
        "role": "chair",
        "organisation": "HBC",
        "start_days": -200,
        "end_days": None,
    },
    {
        "board": "Halton Youth Cabinet",
        "person": "Youth Cabinet representative",
        "role": "member",
        "organisation": "HBC",
        "start_days": -200,
        "end_days": None,
    },
    {
        "board": "Halton Youth Cabinet",
        "person": "Participation Officer",
        "role": "officer",
        "organisation": "HBC",
        "start_days": -600,
        "end_days": None,
    },
    # Children in Care Council (Halton)
    {
        "board": "Children in Care Council",
        "person": "Children in Care Council chair (young person)",
        "role": "chair",
        "organisation": "HBC",
        "start_days": -250,
        "end_days": None,
    },
    {
        "board": "Children in Care Council",
        "person": "Children in Care Council representative",
        "role": "member",
        "organisation": "HBC",
        "start_days": -250,
        "end_days": None,
    },
    {
        "board": "Children in Care Council",
        "person": "Participation Officer, Children in Care",
        "role": "officer",
        "organisation": "HBC",
        "start_days": -500,
        "end_days": None,
    },
    # INVOLVE Group: membership follows the representatives listed in Halton section 9.
    {
        "board": "INVOLVE Group",
        "person": "Youth Cabinet representative",
        "role": "chair",
        "organisation": "HBC",
        "start_days": -300,
        "end_days": None,
    },
    {
        "board": "INVOLVE Group",
        "person": "Engagement Lead, NHS Halton CCG",
        "role": "member",
        "organisation": "NHS Halton CCG",
        "start_days": -400,
        "end_days": None,
    },
    {
        "board": "INVOLVE Group",
        "person": "Commissioning Officer, Children's Services",
        "role": "member",
        "organisation": "HBC",
        "start_days": -400,
        "end_days": None,
    },
    {
        "board": "INVOLVE Group",
        "person": "Service provider representative",
        "role": "member",
        "organisation": "VCF sector",
        "start_days": -350,
        "end_days": None,
    },
    {
        "board": "INVOLVE Group",
        "person": "Parent carer representative",
        "role": "member",
        "organisation": "Halton Family Voice",
        "start_days": -350,
        "end_days": None,
    },
    # SEND Review
    {
        "board": "SEND Review",
        "person": "Head of SEN Service",
        "role": "chair",
        "organisation": "HBC",
        "start_days": -400,
        "end_days": None,
    },
    {
        "board": "SEND Review",
        "person": "Principal Educational Psychologist",
        "role": "member",
        "organisation": "HBC",
        "start_days": -400,
        "end_days": None,
    },
    {
        "board": "SEND Review",
        "person": "SENCO representative",
        "role": "member",
        "organisation": "Schools",
        "start_days": -380,
        "end_days": None,
    },
    # Preparing for Adulthood Strategic Group
    {
        "board": "Preparing for Adulthood Strategic Group",
        "person": "Divisional Manager, Transition",
        "role": "chair",
        "organisation": "HBC",
        "start_days": -450,
        "end_days": None,
    },
    {
        "board": "Preparing for Adulthood Strategic Group",
        "person": "Post 16 Careers Information, Advice and Guidance Lead",
        "role": "member",
        "organisation": "HBC",
        "start_days": -450,
        "end_days": None,
    },
    {
        "board": "Preparing for Adulthood Strategic Group",
        "person": "Commissioning Manager, NHS Halton CCG",
        "role": "member",
        "organisation": "NHS Halton CCG",
        "start_days": -420,
        "end_days": None,
    },
    # EHC Plans Audit Group
    {
        "board": "EHC Plans Audit Group",
        "person": "EHC Plan Quality Assurance Lead",
        "role": "chair",
        "organisation": "HBC",
        "start_days": -400,
        "end_days": None,
    },
    {
        "board": "EHC Plans Audit Group",
        "person": "Designated Clinical Officer for SEND",
        "role": "member",
        "organisation": "NHS Halton CCG",
        "start_days": -400,
        "end_days": None,
    },
    {
        "board": "EHC Plans Audit Group",
        "person": "Social Care Lead for SEND",
        "role": "member",
        "organisation": "HBC",
        "start_days": -380,
        "end_days": None,
    },
    # Halton ImPart
    {
        "board": "Halton ImPart",
        "person": "Chair, Halton ImPart",
        "role": "chair",
        "organisation": "Halton ImPart",
        "start_days": -500,
        "end_days": None,
    },
    {
        "board": "Halton ImPart",
        "person": "Participation Officer",
        "role": "officer",
        "organisation": "HBC",
        "start_days": -500,
        "end_days": None,
    },
    # Halton Family Voice
    {
        "board": "Halton Family Voice",
        "person": "Chair, Halton Family Voice",
        "role": "chair",
        "organisation": "Halton Family Voice",
        "start_days": -700,
        "end_days": None,
    },
    {
        "board": "Halton Family Voice",
        "person": "Parent carer representative",
        "role": "member",
        "organisation": "Halton Family Voice",
        "start_days": -450,
        "end_days": None,
    },
    {
        "board": "Halton Family Voice",
        "person": "SEND Local Offer Officer",
        "role": "officer",
        "organisation": "HBC",
        "start_days": -450,
        "end_days": None,
    },
    # SEND Commissioning Partnership Board
    {
        "board": "SEND Commissioning Partnership Board",
        "person": "Commissioning Manager, SEND",
        "role": "chair",
        "organisation": "HBC",
        "start_days": -500,
        "end_days": None,
    },
    {
        "board": "SEND Commissioning Partnership Board",
        "person": "Commissioning Manager, Children's Services, NHS Halton CCG",
        "role": "member",
        "organisation": "NHS Halton CCG",
        "start_days": -500,
        "end_days": None,
    },
    {
        "board": "SEND Commissioning Partnership Board",
        "person": "Head of SEN Service",
        "role": "member",
        "organisation": "HBC",
        "start_days": -480,
        "end_days": None,
    },
    # One Halton Child Development Group
    {
        "board": "One Halton Child Development Group",
        "person": "Director of Public Health",
        "role": "chair",
        "organisation": "Halton Public Health",
        "start_days": -600,
        "end_days": None,
    },
    {
        "board": "One Halton Child Development Group",
        "person": "Head of Early Years",
        "role": "member",
        "organisation": "HBC",
        "start_days": -600,
        "end_days": None,
    },
    {
        "board": "One Halton Child Development Group",
        "person": "Healthy Child Programme Commissioning Lead",
        "role": "member",
        "organisation": "Halton Public Health",
        "start_days": -550,
        "end_days": None,
    },
    {
        "board": "One Halton Child Development Group",
        "person": "Head Teacher representative (primary)",
        "role": "member",
        "organisation": "Schools",
        "start_days": -500,
        "end_days": None,
    },
    # Children's Trust Executive (West Cheshire)
    {
        "board": _CTE,
        "person": "Interim Director of Children's Services",
        "role": "chair",
        "organisation": "CWaC",
        "start_days": -1000,
        "end_days": -300,
    },
    {
        "board": _CTE,
        "person": "Director of Children's Services",
        "role": "chair",
        "organisation": "CWaC",
        "start_days": -299,
        "end_days": None,
    },
    {
        "board": _CTE,
        "person": "Chief Officer, NHS West Cheshire CCG",
        "role": "vice_chair",
        "organisation": "NHS West Cheshire CCG",
        "start_days": -800,
        "end_days": None,
    },
    {
        "board": _CTE,
        "person": "Chief Officer, NHS Vale Royal CCG",
        "role": "member",
        "organisation": "NHS Vale Royal CCG",
        "start_days": -800,
        "end_days": None,
    },
    {
        "board": _CTE,
        "person": "Director of Public Health",
        "role": "member",
        "organisation": "CWaC Public Health",
        "start_days": -750,
        "end_days": None,
    },
    {
        "board": _CTE,
        "person": "Senior Commissioning Manager, Children and Families",
        "role": "officer",
        "organisation": "CWaC",
        "start_days": -700,
        "end_days": None,
    },
    {
        "board": _CTE,
        "person": "Head of Integrated Early Support",
        "role": "member",
        "organisation": "CWaC",
        "start_days": -650,
        "end_days": None,
    },
    {
        "board": _CTE,
        "person": "Associate Director, Children's Services",
        "role": "member",
        "organisation": "CWP",
        "start_days": -600,
        "end_days": None,
    },
    {
        "board": _CTE,
        "person": "Head Teacher representative (special schools)",
        "role": "member",
        "organisation": "Schools",
        "start_days": -500,
        "end_days": None,
    },
    {
        "board": _CTE,
        "person": "Voluntary sector representative",
        "role": "member",
        "organisation": "VCF sector",
        "start_days": -500,
        "end_days": None,
    },
    {
        "board": _CTE,
        "person": "Chief Inspector, Local Policing",
        "role": "member",
        "organisation": "Police",
        "start_days": -400,
        "end_days": None,
    },
    {
        "board": _CTE,
        "person": "Area Team representative, NHS England",
        "role": "adviser",
        "organisation": "NHS England",
        "start_days": -350,
        "end_days": None,
    },
    # Local Safeguarding Children's Board (West Cheshire)
    {
        "board": "Local Safeguarding Children's Board (West Cheshire)",
        "person": "Independent Chair, LSCB",
        "role": "chair",
        "organisation": "CWaC",
        "start_days": -900,
        "end_days": None,
    },
    {
        "board": "Local Safeguarding Children's Board (West Cheshire)",
        "person": "Designated Nurse for Safeguarding Children",
        "role": "member",
        "organisation": "NHS West Cheshire CCG",
        "start_days": -700,
        "end_days": None,
    },
    {
        "board": "Local Safeguarding Children's Board (West Cheshire)",
        "person": "Detective Superintendent, Public Protection",
        "role": "member",
        "organisation": "Police",
        "start_days": -650,
        "end_days": None,
    },
    {
        "board": "Local Safeguarding Children's Board (West Cheshire)",
        "person": "LSCB Business Manager",
        "role": "officer",
        "organisation": "CWaC",
        "start_days": -800,
        "end_days": None,
    },
    # Health and Wellbeing Board (West Cheshire)
    {
        "board": "Health and Wellbeing Board (West Cheshire)",
        "person": "Leader of the Council",
        "role": "chair",
        "organisation": "CWaC",
        "start_days": -900,
        "end_days": None,
    },
    {
        "board": "Health and Wellbeing Board (West Cheshire)",
        "person": "Chief Officer, NHS West Cheshire CCG",
        "role": "vice_chair",
        "organisation": "NHS West Cheshire CCG",
        "start_days": -800,
        "end_days": None,
    },
    {
        "board": "Health and Wellbeing Board (West Cheshire)",
        "person": "Chief Officer, NHS Vale Royal CCG",
        "role": "member",
        "organisation": "NHS Vale Royal CCG",
        "start_days": -800,
        "end_days": None,
    },
    {
        "board": "Health and Wellbeing Board (West Cheshire)",
        "person": "Director of Public Health",
        "role": "member",
        "organisation": "CWaC Public Health",
        "start_days": -750,
        "end_days": None,
    },
    # Emotional Health and Wellbeing Partnership (EHWP)
    {
        "board": _EHWP,
        "person": "CAMHS Commissioning Lead, NHS West Cheshire CCG",
        "role": "chair",
        "organisation": "NHS West Cheshire CCG",
        "start_days": -600,
        "end_days": None,
    },
    {
        "board": _EHWP,
        "person": "CAMHS Commissioning Manager, NHS Vale Royal CCG",
        "role": "member",
        "organisation": "NHS Vale Royal CCG",
        "start_days": -600,
        "end_days": -60,
    },
    {
        "board": _EHWP,
        "person": "Associate Director, CAMHS",
        "role": "member",
        "organisation": "CWP",
        "start_days": -550,
        "end_days": None,
    },
    {
        "board": _EHWP,
        "person": "Emotional Health and Wellbeing Commissioning Manager",
        "role": "officer",
        "organisation": "CWaC",
        "start_days": -550,
        "end_days": None,
    },
    {
        "board": _EHWP,
        "person": "Head Teacher, Hinderton School",
        "role": "member",
        "organisation": "Hinderton School",
        "start_days": -400,
        "end_days": None,
    },
    # Access Sub-group
    {
        "board": "Access Sub-group",
        "person": "Service Manager, CAMHS",
        "role": "chair",
        "organisation": "CWP",
        "start_days": -95,
        "end_days": None,
    },
    {
        "board": "Access Sub-group",
        "person": "Integrated Early Support Team Manager",
        "role": "member",
        "organisation": "CWaC",
        "start_days": -95,
        "end_days": None,
    },
    {
        "board": "Access Sub-group",
        "person": "Primary Care Mental Health Lead, NHS Vale Royal CCG",
        "role": "member",
        "organisation": "NHS Vale Royal CCG",
        "start_days": -59,
        "end_days": None,
    },
    # Early Years Closing the Gap Work Stream
    {
        "board": "Early Years Closing the Gap Work Stream",
        "person": "Early Years Manager",
        "role": "chair",
        "organisation": "CWaC",
        "start_days": -600,
        "end_days": None,
    },
    {
        "board": "Early Years Closing the Gap Work Stream",
        "person": "Health Visiting Service Manager",
        "role": "member",
        "organisation": "East Cheshire NHS Trust",
        "start_days": -700,
        "end_days": -200,
    },
    {
        "board": "Early Years Closing the Gap Work Stream",
        "person": "Starting Well Service Lead",
        "role": "member",
        "organisation": "CWP",
        "start_days": -199,
        "end_days": None,
    },
    {
        "board": "Early Years Closing the Gap Work Stream",
        "person": "Public Health Lead, Early Years",
        "role": "member",
        "organisation": "CWaC Public Health",
        "start_days": -500,
        "end_days": None,
    },
    {
        "board": "Early Years Closing the Gap Work Stream",
        "person": "Head Teacher representative (primary)",
        "role": "member",
        "organisation": "Schools",
        "start_days": -450,
        "end_days": None,
    },
    # Eat Well Be Active Strategy Group
    {
        "board": "Eat Well Be Active Strategy Group",
        "person": "Consultant in Public Health",
        "role": "chair",
        "organisation": "CWaC Public Health",
        "start_days": -500,
        "end_days": None,
    },
    {
        "board": "Eat Well Be Active Strategy Group",
        "person": "Infant Feeding Lead",
        "role": "member",
        "organisation": "CWP",
        "start_days": -450,
        "end_days": None,
    },
    # Cheshire West and Chester Young People's Senate
    {
        "board": "Cheshire West and Chester Young People's Senate",
        "person": "Senate chair (young person)",
        "role": "chair",
        "organisation": "CWaC",
        "start_days": -220,
        "end_days": None,
    },
    {
        "board": "Cheshire West and Chester Young People's Senate",
        "person": "UK Youth Parliament representative",
        "role": "member",
        "organisation": "CWaC",
        "start_days": -220,
        "end_days": None,
    },
    {
        "board": "Cheshire West and Chester Young People's Senate",
        "person": "Youth Participation Worker",
        "role": "officer",
        "organisation": "CWaC",
        "start_days": -600,
        "end_days": None,
    },
    # Children in Care Council (West Cheshire)
    {
        "board": "Children in Care Council (West Cheshire)",
        "person": "Children in Care Council chair (young person)",
        "role": "chair",
        "organisation": "CWaC",
        "start_days": -260,
        "end_days": None,
    },
    {
        "board": "Children in Care Council (West Cheshire)",
        "person": "Participation Worker, Children in Care",
        "role": "officer",
        "organisation": "CWaC",
        "start_days": -500,
        "end_days": None,
    },
    {
        "board": "Children in Care Council (West Cheshire)",
        "person": "Head of Virtual School",
        "role": "adviser",
        "organisation": "CWaC",
        "start_days": -450,
        "end_days": None,
    },
]

# ---------------------------------------------------------------------------------------------
# Meetings (SAMPLE), with agenda items, minutes and decisions. Themes follow the seeds'
# priorities; figures quoted in minutes are taken from the seeds.
# ---------------------------------------------------------------------------------------------
MEETINGS = [
    # ----- Halton Children's Trust Board -----
    {
        "board": _CTB,
        "days_from_today": -245,
        "time": "10:00",
        "location": "Municipal Building, Widnes",
        "status": "held",
        "agenda": [
            {
                "title": "Children, Young People and Families Plan 2018-21: priorities",
                "presenter": "Director of Children's Services",
                "paper_url": "",
            },
            {
                "title": "Children's Joint Strategic Needs Assessment (JSNA) refresh",
                "presenter": "Director of Public Health",
                "paper_url": "",
            },
            {
                "title": "Joint Commissioning Strategy 2018-21 for approval",
                "presenter": "Head of Commissioning, Children's Services",
                "paper_url": "",
            },
            {
                "title": "0-5 Development: good level of development at age 5",
                "presenter": "Head of Early Years",
                "paper_url": "",
            },
        ],
        "minutes": (
            "The Board agreed the priorities of the Children, Young People and Families Plan and "
            "approved the Joint Commissioning Strategy as the common framework for commissioning "
            "across partners. The Director of Public Health presented the children's JSNA: 61% "
            "of children in Halton achieve a good level of development at age 5 against 71% "
            "nationally, and hospital admissions due to injuries in children aged 0-4 are 144 per "
            "10,000 against 129.6 in England. Each joint commissioning priority will bring an "
            "action plan to the Board."
        ),
        "decisions": [
            {
                "text": "Approve the Joint Commissioning Strategy and its six joint commissioning "
                "priorities.",
                "owner": "Director of Children's Services",
                "due_days": None,
                "status": "done",
            },
            {
                "text": "Each priority lead to bring a commissioning action plan with owners, "
                "dates and RAG ratings.",
                "owner": "Head of Commissioning, Children's Services",
                "due_days": -160,
                "status": "done",
            },
        ],
    },
    {
        "board": _CTB,
        "days_from_today": -152,
        "time": "14:00",
        "location": "Town Hall, Runcorn",
        "status": "held",
        "agenda": [
            {
                "title": "Early Help model: phase two multi-agency teams in Widnes and Runcorn",
                "presenter": "Head of Early Help",
                "paper_url": "",
            },
            {
                "title": "Emotional Health and Mental Wellbeing: joint review of provision and "
                "CAMHS access",
                "presenter": "Head of Commissioning, NHS Halton CCG",
                "paper_url": "",
            },
            {
                "title": "Children in Care: placement sufficiency",
                "presenter": "Head of Commissioning, Children's Services",
                "paper_url": "",
            },
        ],
        "minutes": (
            "The Board heard that the integrated contact and referral team (iCART) now provides "
            "one front door for children and families services, and that phase two will "
            "re-establish two Early Help multi-agency teams, one in Widnes and one in Runcorn. "
            "The CCG presented the joint review of emotional health and wellbeing provision in "
            "line with Future in Mind. Members discussed the sufficiency of placements for "
            "children in care and the scope for collaborative commissioning with neighbouring "
            "local authorities."
        ),
        "decisions": [
            {
                "text": "Bring a costed business case for the two Early Help multi-agency teams.",
                "owner": "Head of Early Help",
                "due_days": -30,
                "status": "open",
            },
            {
                "text": "Explore sub-regional commissioning of residential, fostering and leaving "
                "care placements with neighbouring local authorities.",
                "owner": "Head of Commissioning, Children's Services",
                "due_days": 45,
                "status": "open",
            },
            {
                "text": "Refresh the children in care sufficiency statement.",
                "owner": "Head of Commissioning, Children's Services",
                "due_days": -90,
                "status": "done",
            },
        ],
    },
    {
        "board": _CTB,
        "days_from_today": -58,
        "time": "10:00",
        "location": "Municipal Building, Widnes",
        "status": "held",
        "agenda": [
            {
                "title": "Risk Taking Behaviour: substance misuse youth services",
                "presenter": "Director of Public Health",
                "paper_url": "",
            },
            {
                "title": "Child sexual exploitation and missing: Cheshire-wide commissioned "
                "service",
                "presenter": "Independent Chair, Local Children's Safeguarding Board",
                "paper_url": "",
            },
            {
                "title": "SEND termly report from the SEND Strategic Group",
                "presenter": "Operational Director, Education, Inclusion and Provision",
                "paper_url": "",
            },
            {
                "title": "INVOLVE Group participation report",
                "presenter": "Youth Cabinet representative",
                "paper_url": "",
            },
        ],
        "minutes": (
            "The Board reviewed the Risk Taking Behaviour priority and the joint collaboration "
            "across the four Cheshire local authorities on a commissioned service for child "
            "sexual exploitation and missing children. The SEND Strategic Group reported progress "
            "on joint commissioning of short breaks. INVOLVE presented young people's views on "
            "youth services and asked for clearer feedback on what changed as a result."
        ),
        "decisions": [
            {
                "text": "Re-specify substance misuse (drugs and alcohol) youth services with "
                "young people's input through INVOLVE.",
                "owner": "Director of Public Health",
                "due_days": -5,
                "status": "open",
            },
            {
                "text": "Publish 'you said, we did' feedback to the Youth Cabinet and Children in "
                "Care Council.",
                "owner": "Participation Officer",
                "due_days": 14,
                "status": "open",
            },
        ],
    },
    {
        "board": _CTB,
        "days_from_today": 35,
        "time": "10:00",
        "location": "Municipal Building, Widnes",
        "status": "planned",
        "agenda": [
            {
                "title": "Emotional Health and Mental Wellbeing termly report",
                "presenter": "Head of Commissioning, NHS Halton CCG",
                "paper_url": "",
            },
            {
                "title": "Children in Care termly report",
                "presenter": "Head of Commissioning, Children's Services",
                "paper_url": "",
            },
            {
                "title": "Early Help multi-agency teams business case",
                "presenter": "Head of Early Help",
                "paper_url": "",
            },
        ],
        "minutes": "",
        "decisions": [],
    },
    # ----- Halton SEND Strategic Group -----
    {
        "board": "SEND Strategic Group",
        "days_from_today": -118,
        "time": "13:30",
        "location": "Municipal Building, Widnes",
        "status": "held",
        "agenda": [
            {
                "title": "EHC Plans Audit Group findings",
                "presenter": "EHC Plan Quality Assurance Lead",
                "paper_url": "",
            },
            {
                "title": "Short Breaks for Children and Young People with SEND: options",
                "presenter": "Commissioning Manager, SEND",
                "paper_url": "",
            },
            {
                "title": "Local Offer feedback from Halton Family Voice",
                "presenter": "Parent carer representative",
                "paper_url": "",
            },
        ],
        "minutes": (
            "The group received the EHC plan audit findings and discussed re-commissioning of "
            "short breaks for children and young people with SEND, working with CCG colleagues "
            "so that contracts and provider quality assurance are developed jointly. Halton "
            "Family Voice fed back on the Local Offer."
        ),
        "decisions": [
            {
                "text": "Recommend joint re-commissioning of short breaks with the CCG through "
                "the SEND Commissioning Partnership Board.",
                "owner": "Commissioning Manager, SEND",
                "due_days": 60,
                "status": "open",
            },
            {
                "text": "Extend the EHC plan audit to cover health and social care contributions.",
                "owner": "Head of SEN Service",
                "due_days": -40,
                "status": "done",
            },
            {
                "text": "Tender disagreement resolution and mediation support for EHC plans as a "
                "standalone contract.",
                "owner": "Commissioning Manager, SEND",
                "due_days": None,
                "status": "superseded",
            },
        ],
    },
    # ----- Halton Children and Families Commissioning Partnership -----
    {
        "board": "Children and Families Commissioning Partnership",
        "days_from_today": -88,
        "time": "10:00",
        "location": "Municipal Building, Widnes",
        "status": "held",
        "agenda": [
            {
                "title": "Commissioning pipeline: contracts due for renewal",
                "presenter": "Procurement Manager",
                "paper_url": "",
            },
            {
                "title": "Support to Young Carers and Advocacy: service review",
                "presenter": "Head of Commissioning, Children's Services",
                "paper_url": "",
            },
            {
                "title": "Best value: MEAT and social value in children's services tenders",
                "presenter": "Procurement Manager",
                "paper_url": "",
            },
        ],
        "minutes": (
            "Partners reviewed contracts due for renewal and the review of Support to Young "
            "Carers and Advocacy. The Partnership agreed that tenders should use MEAT and social "
            "value so that services represent the best possible value for money, and that "
            "disagreement resolution and mediation support should be commissioned jointly with "
            "other SEND provision."
        ),
        "decisions": [
            {
                "text": "Extend the Support to Young Carers contract for twelve months while needs "
                "are analysed.",
                "owner": "Head of Commissioning, Children's Services",
                "due_days": None,
                "status": "done",
            },
            {
                "text": "Include disagreement resolution and mediation support for EHC plans in "
                "the joint SEND commissioning plan.",
                "owner": "Commissioning Manager, SEND",
                "due_days": 30,
                "status": "open",
            },
            {
                "text": "Apply a social value weighting in all children's services tenders.",
                "owner": "Procurement Manager",
                "due_days": -15,
                "status": "open",
            },
        ],
    },
    {
        "board": "Children and Families Commissioning Partnership",
        "days_from_today": -30,
        "time": "10:00",
        "location": "Municipal Building, Widnes",
        "status": "cancelled",
        "agenda": [
            {
                "title": "Speech and Language Therapy Service: joint review",
                "presenter": "Head of Commissioning, NHS Halton CCG",
                "paper_url": "",
            },
            {
                "title": "Post 16 Careers Information, Advice and Guidance",
                "presenter": "Head of Commissioning, Children's Services",
                "paper_url": "",
            },
        ],
        "minutes": "",
        "decisions": [],
    },
    # ----- West Cheshire Children's Trust Executive -----
    {
        "board": _CTE,
        "days_from_today": -265,
        "time": "14:00",
        "location": "Council Chamber, Chester",
        "status": "held",
        "agenda": [
            {
                "title": "Joint Commissioning Framework 2017/19 for approval",
                "presenter": "Senior Commissioning Manager, Children and Families",
                "paper_url": "",
            },
            {
                "title": "Emotional Health and Wellbeing: termly review",
                "presenter": "CAMHS Commissioning Lead, NHS West Cheshire CCG",
                "paper_url": "",
            },
            {
                "title": "Starting Well Service: integrated 0-19 model",
                "presenter": "Director of Public Health",
                "paper_url": "",
            },
        ],
        "minutes": (
            "The Executive approved the Joint Commissioning Framework and its five priority "
            "areas. Members noted that partners have designed services together but have not yet "
            "been in a position to align resources, and asked for detailed action plans for each "
            "priority. The Director of Public Health outlined the integrated 0-19 Starting Well "
            "Service, bringing together the 0-5 and 5-19 Healthy Child Programmes, the Family "
            "Nurse Partnership and Children's Centre services."
        ),
        "decisions": [
            {
                "text": "Approve the Joint Commissioning Framework 2017/19 and its five priority "
                "areas.",
                "owner": "Director of Children's Services",
                "due_days": None,
                "status": "done",
            },
            {
                "text": "Develop detailed action plans for each priority as the next step towards "
                "aligned resources.",
                "owner": "Senior Commissioning Manager, Children and Families",
                "due_days": -180,
                "status": "done",
            },
        ],
    },
    {
        "board": _CTE,
        "days_from_today": -178,
        "time": "14:00",
        "location": "Council Chamber, Chester",
        "status": "held",
        "agenda": [
            {
                "title": "Children in Care and Care Leavers: termly review",
                "presenter": "Head of Virtual School",
                "paper_url": "",
            },
            {
                "title": "Prevention: use of TAF assessments and the LSCB toolkit",
                "presenter": "Head of Integrated Early Support",
                "paper_url": "",
            },
        ],
        "minutes": (
            "The Executive reviewed the Children in Care and Care Leavers priority, including "
            "plans to scale up the Edge of Care Team and commission a Targeted Family Support "
            "Service for 0-8s on the edge of care. Under Prevention, members discussed quarterly "
            "data on contacts and referrals into iART supported by the toolkits and how TAF "
            "training will be funded with the LSCB."
        ),
        "decisions": [
            {
                "text": "Commission a Targeted Family Support Service with a priority of 0-8s on "
                "the edge of care or new entrants into care.",
                "owner": "Senior Commissioning Manager, Children and Families",
                "due_days": -20,
                "status": "open",
            },
            {
                "text": "Agree with the LSCB how TAF and toolkit training will be funded.",
                "owner": "Head of Integrated Early Support",
                "due_days": -60,
                "status": "done",
            },
        ],
    },
    {
        "board": _CTE,
        "days_from_today": -84,
        "time": "14:00",
        "location": "Council Chamber, Chester",
        "status": "held",
        "agenda": [
            {
                "title": "SEND: termly review",
                "presenter": "Senior Commissioning Manager, Children and Families",
                "paper_url": "",
            },
            {
                "title": "Early Years Closing the Gap: termly review",
                "presenter": "Early Years Manager",
                "paper_url": "",
            },
            {
                "title": "Voice of the child: feedback from the Young People's Senate",
                "presenter": "Youth Participation Worker",
                "paper_url": "",
            },
        ],
        "minutes": (
            "The Executive reviewed the SEND priority, including renewal of joint commissioning "
            "of speech and language support with health. The Early Years Closing the Gap report "
            "covered take-up of funded two-year-old places and the capacity of the childcare "
            "market for the 30 hour offer. The Senate shared young people's views on emotional "
            "health support in schools."
        ),
        "decisions": [
            {
                "text": "Renew joint commissioning of speech and language support with health.",
                "owner": "Senior Commissioning Manager, Children and Families",
                "due_days": 50,
                "status": "open",
            },
            {
                "text": "Review take-up of funded two-year-old places and the impact of the 30 "
                "hour offer.",
                "owner": "Early Years Manager",
                "due_days": -10,
                "status": "open",
            },
        ],
    },
    {
        "board": _CTE,
        "days_from_today": 21,
        "time": "14:00",
        "location": "Council Chamber, Chester",
        "status": "planned",
        "agenda": [
            {
                "title": "Emotional Health and Wellbeing: termly review",
                "presenter": "CAMHS Commissioning Lead, NHS West Cheshire CCG",
                "paper_url": "",
            },
            {
                "title": "Children in Care and care leavers data set",
                "presenter": "Head of Virtual School",
                "paper_url": "",
            },
            {
                "title": "Joint Commissioning Framework annual review",
                "presenter": "Senior Commissioning Manager, Children and Families",
                "paper_url": "",
            },
        ],
        "minutes": "",
        "decisions": [],
    },
    # ----- West Cheshire EHWP and Access Sub-group -----
    {
        "board": _EHWP,
        "days_from_today": -100,
        "time": "10:00",
        "location": "Council offices, Chester",
        "status": "held",
        "agenda": [
            {
                "title": "CAMHS access and referrals dashboard",
                "presenter": "Emotional Health and Wellbeing Commissioning Manager",
                "paper_url": "",
            },
            {
                "title": "Adopting the THRIVE model and removing the tier system",
                "presenter": "Associate Director, CAMHS",
                "paper_url": "",
            },
            {
                "title": "Targeted emotional health and wellbeing service for children below the "
                "CAMHS threshold",
                "presenter": "CAMHS Commissioning Lead, NHS West Cheshire CCG",
                "paper_url": "",
            },
        ],
        "minutes": (
            "The partnership reviewed the first quarterly CAMHS access dashboard and agreed to "
            "develop a single point of access through a new Access sub-group. Members discussed "
            "adopting the THRIVE model and a targeted service for children and young people "
            "supported by IES who do not meet the CAMHS threshold."
        ),
        "decisions": [
            {
                "text": "Set up the Access sub-group to develop a single point of access service.",
                "owner": "CAMHS Commissioning Lead, NHS West Cheshire CCG",
                "due_days": -90,
                "status": "done",
            },
            {
                "text": "Arrange an external evaluation of the Youth Connect 5 programme by a "
                "Higher Education Institute.",
                "owner": "Emotional Health and Wellbeing Commissioning Manager",
                "due_days": 75,
                "status": "open",
            },
        ],
    },
    {
        "board": "Access Sub-group",
        "days_from_today": -14,
        "time": "13:00",
        "location": "Online meeting",
        "status": "held",
        "agenda": [
            {
                "title": "Single point of access: referral pathway design",
                "presenter": "Service Manager, CAMHS",
                "paper_url": "",
            },
            {
                "title": "iTHRIVE service user consultation workshops",
                "presenter": "Integrated Early Support Team Manager",
                "paper_url": "",
            },
        ],
        "minutes": (
            "The sub-group reviewed a draft referral pathway for the single point of access and "
            "agreed that iTHRIVE consultation workshops with young people and families should "
            "shape it before it is finalised."
        ),
        "decisions": [
            {
                "text": "Run iTHRIVE consultation workshops with young people and families before "
                "the pathway is finalised.",
                "owner": "Service Manager, CAMHS",
                "due_days": 40,
                "status": "open",
            },
        ],
    },
    {
        "board": _EHWP,
        "days_from_today": 62,
        "time": "10:00",
        "location": "Council offices, Chester",
        "status": "planned",
        "agenda": [
            {
                "title": "Access sub-group report: single point of access",
                "presenter": "Service Manager, CAMHS",
                "paper_url": "",
            },
            {
                "title": "Workforce development: mapping skills across the footprint",
                "presenter": "Emotional Health and Wellbeing Commissioning Manager",
                "paper_url": "",
            },
        ],
        "minutes": "",
        "decisions": [],
    },
]

# ---------------------------------------------------------------------------------------------
# Stakeholder groups named in the seeds' participation sections (Halton section 9 and Appendix 1;
# West Cheshire section 6). Convening organisations are not stated in the seeds except where the
# group is itself an organisation (Halton Family Voice, Halton ImPart); the rest are inferred.
# ---------------------------------------------------------------------------------------------
STAKEHOLDER_GROUPS = [
    # Halton
    {
        "name": "Halton Youth Cabinet",
        "partnership": "Halton",
        "kind": "children_young_people",
        "description": (
            "Youth voice body in the Halton Children's Trust governance structure, helping "
            "ensure the voices of children and young people are heard."
        ),
        "convening_organisation": "HBC",
    },
    {
        "name": "Children in Care Council",
        "partnership": "Halton",
        "kind": "care_experienced",
        "description": (
            "Voice of children in care in the Halton Children's Trust governance structure, "
            "linked to the priority to improve outcomes for children in care."
        ),
        "convening_organisation": "HBC",
    },
    {
        "name": "Halton Family Voice",
        "partnership": "Halton",
        "kind": "parents_carers",
        "description": (
            "Represented on the INVOLVE group and shown with Halton ImPart in the Trust "
            "governance structure."
        ),
        "convening_organisation": "Halton Family Voice",
    },
    {
        "name": "Halton ImPart",
        "partnership": "Halton",
        "kind": "community",
        "description": (
            "Shown with Halton Family Voice in the Trust governance structure; the framework "
            "gives no further description."
        ),
        "convening_organisation": "Halton ImPart",
    },
    {
        "name": "INVOLVE Group",
        "partnership": "Halton",
        "kind": "community",
        "description": (
            "Critical friend to the Trust on the participation of stakeholders in decision-making; "
            "representatives include young people, the CCG, Halton Borough Council commissioning, "
            "service providers, Halton Family Voice and public stakeholders."
        ),
        "convening_organisation": "HBC",
    },
    # West Cheshire
    {
        "name": "Children in Care Council (West Cheshire)",
        "partnership": "West Cheshire",
        "kind": "care_experienced",
        "description": (
            "One of the groups partners work with to ensure true and wide engagement, informing "
            "the Children in Care and Care Leavers priority."
        ),
        "convening_organisation": "CWaC",
    },
    {
        "name": "Cheshire West and Chester Young People's Senate",
        "partnership": "West Cheshire",
        "kind": "children_young_people",
        "description": (
            "Includes the UK Youth Parliament Representatives for Cheshire West and Chester."
        ),
        "convening_organisation": "CWaC",
    },
    {
        "name": "School Councils",
        "partnership": "West Cheshire",
        "kind": "children_young_people",
        "description": (
            "School councils are among the groups partners work with to ensure true and wide "
            "engagement."
        ),
        "convening_organisation": "Schools",
    },
    {
        "name": "School's Champions Group for Commissioning",
        "partnership": "West Cheshire",
        "kind": "children_young_people",
        "description": (
            "Representatives of children from all special schools and a mainstream primary school."
        ),
        "convening_organisation": "CWaC",
    },
    {
        "name": "Parent/Carer Forum",
        "partnership": "West Cheshire",
        "kind": "send_families",
        "description": (
            "Parents participate in reforms around Special Educational Needs, co-producing new "
            "policy and recommendations on policy."
        ),
        "convening_organisation": "CWaC",
    },
    {
        "name": "Amplify",
        "partnership": "West Cheshire",
        "kind": "children_young_people",
        "description": (
            "A Youth Service members' committee: young people working with staff in the running "
            "of the club or project."
        ),
        "convening_organisation": "CWaC",
    },
    {
        "name": "Patient Participation Group",
        "partnership": "West Cheshire",
        "kind": "community",
        "description": (
            "Patient Participation Groups are among the groups partners work with to ensure true "
            "and wide engagement."
        ),
        "convening_organisation": "GP practices",
    },
]
