"""Demo data for the Joint Commissioning Manager (priority areas, action plans, indicators).

Two frameworks are described here as plain Python constants, one for each seed document:

* West Cheshire Children's Trust Joint Commissioning Framework 2017/19
  (``/work/shared/seeds/001_3b90ab238789a44f.txt``, section 5).
* Halton Children's Trust Commissioning Framework 2018-21
  (``/work/shared/seeds/000_953452955bc33fc6.txt``, section 7 and the priority-area summary
  boxes at the end of the document).

Content comes word for word from the seeds: framework and priority titles, aims, objectives
("We will ..."), action descriptions ("To achieve these we will ...") and every indicator figure,
with its period and England comparator. Runs of whitespace are collapsed and list markers
dropped; the seeds' spelling and punctuation are kept as they are. Action titles are the
beginning of the action text or a faithful shortening of it. Comments mark the few places
where a title, date or placement had to be inferred.

Owners (job titles, never names), lead organisations, commissioning stages, statuses, start and
due dates, indicator definitions and sources, and ``PROGRESS_NARRATIVES`` are sample data.
Dates on actions are day offsets from today (negative = in the past), so the demo always has
some overdue actions (due in the past, not complete).

Enumerations used:

* lead_organisation: "HBC" (Halton Borough Council), "NHS Halton CCG", "CWAC" (Cheshire West
  and Chester Council), "NHS West Cheshire CCG", "Public Health", "NHS England", "CWP"
  (Cheshire and Wirral Partnership NHS Foundation Trust), "VCFS" (voluntary sector), "Schools".
* stage: "analyse", "plan", "do", "review" (West Cheshire calls the first stage "Understand").
* status: "not_started", "in_progress", "complete".
* indicator unit: "percentage", "rate_per_10000", "count", "score"; polarity: "higher" or
  "lower" (which is better). No target is set: neither seed states one.
* objective: 0-based index into the priority's ``objectives``, or None.
"""

FRAMEWORKS = [
    {
        "title": "West Cheshire Children's Trust Joint Commissioning Framework",
        "partnership": "West Cheshire",
        "period": "2017/19",
        "version": "FINAL",
        "status": "approved",
        "owning_board": "Children's Trust Executive",
        # Seed version table: FINAL, September 2017, review September 2018.
        "review_date": "2018-09-30",
        "priorities": [
            {
                "title": "Emotional Health and Wellbeing",
                "aim": (
                    "To promote and improve the emotional health and wellbeing of children, young "
                    "people and their families."
                ),
                "lead_board": "Emotional Health and Wellbeing Partnership",
                "objectives": [
                    "Develop and implement an Joint Strategic Needs Assessment (JSNA)",
                    "Promote resilience, prevention and early intervention",
                    "Improve access to effective support and remove the tiers system",
                    (
                        "Ensure emotional health and wellbeing support is available and easily "
                        "accessible to our most vulnerable children and young people"
                    ),
                    (
                        "Improve accountability and transparency and ensure all partners are "
                        "working towards the same outcomes in an integrated way"
                    ),
                    (
                        "Develop the workforce and equip them with the skills to support children "
                        "and young people with emotional health and wellbeing issues"
                    ),
                ],
                "actions": [
                    {
                        "title": (
                            "Enhance workforce skills and knowledge, including consultation and "
                            "liaison teams"
                        ),
                        "description": (
                            "Enhance workforce skills and knowledge including consultation and "
                            "liaison teams helping staff working with those with highly complex "
                            "needs, including mental health difficulties"
                        ),
                        "objective": 5,
                        "owner": "CAMHS Service Manager",
                        "lead_organisation": "CWP",
                        "stage": "do",
                        "status": "complete",
                        "start_days": -164,
                        "due_days": -65,
                    },
                    {
                        "title": (
                            "Develop provision through Mental Health transformation plans, "
                            "adopting the THRIVE model"
                        ),
                        "description": (
                            "Develop provision through Mental Health transformation plans by "
                            "improving access and removing the tier system, by adopting the THRIVE "
                            "model (Future in Mind)"
                        ),
                        "objective": 2,
                        "owner": "Head of Mental Health Commissioning (Children and Young People)",
                        "lead_organisation": "NHS West Cheshire CCG",
                        "stage": "plan",
                        "status": "in_progress",
                        "start_days": -382,
                        "due_days": 339,
                    },
                    {
                        "title": (
                            "Target vulnerable groups through specialist services providing mental "
                            "health advice and consultation"
                        ),
                        "description": (
                            "Target vulnerable groups through specialist services to provide "
                            "advice and consultation on concerns about Mental health"
                        ),
                        "objective": 3,
                        "owner": "Children's Mental Health Commissioning Manager",
                        "lead_organisation": "NHS West Cheshire CCG",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -354,
                        "due_days": 396,
                    },
                    {
                        "title": (
                            "Monitor access and referrals into CAMHS on a quarterly basis through "
                            "the creation of a new dashboard"
                        ),
                        "description": (
                            "Monitor access and referrals into CAMHS on a quarterly basis through "
                            "the creation of a new dashboard"
                        ),
                        "objective": 4,
                        "owner": "Performance and Intelligence Manager",
                        "lead_organisation": "NHS West Cheshire CCG",
                        "stage": "review",
                        "status": "in_progress",
                        "start_days": -147,
                        "due_days": 282,
                    },
                    {
                        "title": "Train all Health visitors to implement Brazelton NBO and NBAS",
                        "description": (
                            "Ensure all Health visitors are trained to implement Brazelton Newborn "
                            "Behavioural Observations (NBO) and Neonatal Behavioural Assessment "
                            "Scale (NBAS) ready for implementation January 2018"
                        ),
                        "objective": 1,
                        "owner": "Health Visiting Service Manager",
                        "lead_organisation": "CWP",
                        "stage": "do",
                        "status": "complete",
                        "start_days": -189,
                        "due_days": -124,
                    },
                    {
                        "title": (
                            "Commission a drama group to tour around schools with a production "
                            "about Mental Health"
                        ),
                        "description": (
                            "Commission a drama group to tour around schools with a production "
                            "about Mental Health"
                        ),
                        "objective": 1,
                        "owner": "Public Health Lead for Children",
                        "lead_organisation": "Public Health",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -303,
                        "due_days": 172,
                    },
                    {
                        "title": (
                            "Review access data and monitor the use of pathways developed to "
                            "improve access to provision"
                        ),
                        "description": (
                            "Review access data and monitor the use of pathways developed to "
                            "improve access to provision."
                        ),
                        "objective": 2,
                        "owner": "Children's Mental Health Commissioning Manager",
                        "lead_organisation": "NHS West Cheshire CCG",
                        "stage": "review",
                        "status": "not_started",
                        "start_days": -110,
                        "due_days": -33,
                    },
                    {
                        "title": (
                            "iTHRIVE service user consultation workshops and review of CAMHS "
                            "referrals and waiting times"
                        ),
                        "description": (
                            "iTHRIVE service user consultation workshops will be undertaken and "
                            "on-going review of referrals and waiting times into CAMHS"
                        ),
                        "objective": 2,
                        "owner": "Participation and Engagement Lead",
                        "lead_organisation": "NHS West Cheshire CCG",
                        "stage": "review",
                        "status": "in_progress",
                        "start_days": -139,
                        "due_days": -16,
                    },
                    {
                        "title": (
                            "Develop a single point of access service through the Access sub-group"
                        ),
                        "description": (
                            "Develop a single point of access service through the Access sub-group"
                        ),
                        "objective": 2,
                        "owner": "Chair of the EHWP Access Sub-group",
                        "lead_organisation": "NHS West Cheshire CCG",
                        "stage": "plan",
                        "status": "not_started",
                        "start_days": -134,
                        "due_days": -23,
                    },
                    {
                        "title": (
                            "Develop strategies for encouraging sign posting to alternative "
                            "services"
                        ),
                        "description": (
                            "Develop strategies for encouraging sign posting to alternative "
                            "services"
                        ),
                        "objective": 2,
                        "owner": "Early Help Commissioning Manager",
                        "lead_organisation": "CWAC",
                        "stage": "plan",
                        "status": "complete",
                        "start_days": -200,
                        "due_days": -52,
                    },
                    {
                        "title": (
                            "Ensure that there is regular scheduled EHWP Partnership and Sub group "
                            "meetings"
                        ),
                        "description": (
                            "Ensure that there is regular scheduled EHWP Partnership and Sub group "
                            "meetings"
                        ),
                        "objective": 4,
                        "owner": "Emotional Health and Wellbeing Partnership Coordinator",
                        "lead_organisation": "CWAC",
                        "stage": "plan",
                        "status": "not_started",
                        "start_days": -223,
                        "due_days": -65,
                    },
                    {
                        "title": (
                            "Teaching Schools to deliver 123 magic training, including to parents"
                        ),
                        "description": (
                            "In 2017 the Teaching Schools will deliver 123 magic training with a "
                            "commitment to offer the training to parents of their own schools and "
                            "accept referrals from other schools for a minimum of 2 courses each "
                            "year"
                        ),
                        "objective": 1,
                        "owner": "Teaching School Alliance Lead",
                        "lead_organisation": "Schools",
                        "stage": "do",
                        "status": "complete",
                        "start_days": -155,
                        "due_days": -17,
                    },
                    {
                        "title": (
                            "Evaluate 2 Early Bird + training course in Partnership with Hinderton "
                            "School"
                        ),
                        "description": (
                            "Evaluate 2 Early Bird + training course in Partnership with Hinderton "
                            "School"
                        ),
                        "objective": 1,
                        "owner": "Specialist Outreach Lead",
                        "lead_organisation": "Schools",
                        "stage": "review",
                        "status": "in_progress",
                        "start_days": -251,
                        "due_days": -37,
                    },
                    {
                        "title": (
                            "Map all services to understand what skills are currently available "
                            "across the footprint"
                        ),
                        "description": (
                            "Map all services to understand what skills are currently available "
                            "across the footprint"
                        ),
                        "objective": 5,
                        "owner": "Workforce Development Manager",
                        "lead_organisation": "CWAC",
                        "stage": "analyse",
                        "status": "not_started",
                        "start_days": -298,
                        "due_days": -43,
                    },
                    {
                        "title": (
                            "Continually evaluate the Youth Connect 5 train the trainer programme"
                        ),
                        "description": (
                            "Continually evaluate the Youth Connect 5 train the trainer programme"
                        ),
                        "objective": 5,
                        "owner": "Public Health Lead for Children",
                        "lead_organisation": "Public Health",
                        "stage": "review",
                        "status": "in_progress",
                        "start_days": -390,
                        "due_days": 37,
                    },
                    {
                        "title": (
                            "Ensure an external evaluation of the YC5 programme by a Higher "
                            "Education Institute"
                        ),
                        "description": (
                            "Ensure an external evaluation of the YC5 programme by a Higher "
                            "Education Institute"
                        ),
                        "objective": 5,
                        "owner": "Public Health Commissioning Manager",
                        "lead_organisation": "Public Health",
                        "stage": "review",
                        "status": "complete",
                        "start_days": -243,
                        "due_days": -121,
                    },
                    {
                        "title": (
                            "Implement the workforce development plan for the Starting Well Service"
                        ),
                        "description": (
                            "Implement the workforce development plan for the Starting Well "
                            "Service that encompasses emotional health and wellbeing."
                        ),
                        "objective": 5,
                        "owner": "Starting Well Service Manager",
                        "lead_organisation": "CWP",
                        "stage": "do",
                        "status": "complete",
                        "start_days": -215,
                        "due_days": -24,
                    },
                    {
                        "title": (
                            "Commission a targeted Emotional health and Wellbeing service for "
                            "children and young people supported by IES"
                        ),
                        "description": (
                            "Commission a targeted Emotional health and Wellbeing service to "
                            "support children and young people receiving support from IES that do "
                            "not meet the CAMHS threshold. The Service will also facilitate "
                            "capacity building amongst the IES and 0-19yrs workforce to achieve "
                            "early identification, better support and prevention."
                        ),
                        "objective": 3,
                        "owner": "Head of Children's Commissioning",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -398,
                        "due_days": -15,
                    },
                    {
                        "title": (
                            "Identify an 'Emotional Health and Wellbeing Champion' within the "
                            "Starting Well Service"
                        ),
                        "description": (
                            "Identify an 'Emotional Health and Wellbeing Champion' within the "
                            "Starting Well Service to ensure EHWB, including perinatal mental "
                            "health remains a key priority within the workforce / Service."
                        ),
                        "objective": 5,
                        "owner": "Starting Well Service Manager",
                        "lead_organisation": "CWP",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -351,
                        "due_days": 143,
                    },
                ],
                "indicators": [],
            },
            {
                "title": "Children in Care and Care Leavers",
                "aim": (
                    "To support our Children in Care and Care leavers to enable them to achieve "
                    "their full potential"
                ),
                "lead_board": "Children's Trust Executive",
                "objectives": [
                    "Keep families supported to avoid Children going into Care",
                    (
                        "Ensure all Children in care have equitable access to appropriate health "
                        "interventions"
                    ),
                    "Improve young people's experience of adoption services",
                    (
                        "Ensure the Emotional Health and Wellbeing needs of our Children in care "
                        "are being met"
                    ),
                    (
                        "Raise the educational attainment of Children in Care and close the gap "
                        "between them and their peers"
                    ),
                    "Ensure all care leavers are ready for Adulthood and employment",
                ],
                "actions": [
                    {
                        "title": "Scale-up the Edge of Care Team",
                        "description": "Scale-up the Edge of Care Team",
                        "objective": 0,
                        "owner": "Head of Children's Social Care",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "complete",
                        "start_days": -321,
                        "due_days": -138,
                    },
                    {
                        "title": (
                            "Commission a Targeted Family Support Service with a priority of 0 – "
                            "8's on the edge of care"
                        ),
                        "description": (
                            "Commission a Targeted Family Support Service with a priority of 0 – "
                            "8's who are on the edge of care or new entrants into the care system"
                        ),
                        "objective": 0,
                        "owner": "Head of Children's Commissioning",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "complete",
                        "start_days": -304,
                        "due_days": -98,
                    },
                    {
                        "title": (
                            "Strengthen processes for escalating cases where Children are not "
                            "having their health needs met"
                        ),
                        "description": (
                            "Strengthen processes for escalating cases where Children are not "
                            "having their health needs met in a timely and equitable way"
                        ),
                        "objective": 1,
                        "owner": "Designated Nurse for Children in Care",
                        "lead_organisation": "NHS West Cheshire CCG",
                        "stage": "plan",
                        "status": "in_progress",
                        "start_days": -64,
                        "due_days": 127,
                    },
                    {
                        "title": (
                            "Work with Health colleagues to ensure Children placed out of borough "
                            "are prioritized"
                        ),
                        "description": (
                            "Work with Health colleagues to ensure Children placed out of borough "
                            "are prioritized alongside those who already live there"
                        ),
                        "objective": 1,
                        "owner": "Named Nurse for Children in Care",
                        "lead_organisation": "CWP",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -372,
                        "due_days": 271,
                    },
                    {
                        "title": (
                            "Strengthen engagement with children and young people to seek their "
                            "views by working with focus groups"
                        ),
                        "description": (
                            "Strengthen engagement with children and young people to seek their "
                            "views by working with focus groups"
                        ),
                        "objective": 2,
                        "owner": "Participation Officer (Children in Care)",
                        "lead_organisation": "CWAC",
                        "stage": "analyse",
                        "status": "in_progress",
                        "start_days": -289,
                        "due_days": -16,
                    },
                    {
                        "title": "Develop a feedback questionnaire as an online facility",
                        "description": "Develop a feedback questionnaire as an online facility",
                        "objective": 2,
                        "owner": "Adoption Service Manager",
                        "lead_organisation": "CWAC",
                        "stage": "plan",
                        "status": "not_started",
                        "start_days": 74,
                        "due_days": 297,
                    },
                    {
                        "title": "Develop a Children in care and care leavers data set",
                        "description": "Develop a Children in care and care leavers data set",
                        "objective": None,
                        "owner": "Performance and Intelligence Manager",
                        "lead_organisation": "CWAC",
                        "stage": "analyse",
                        "status": "in_progress",
                        "start_days": -328,
                        "due_days": 295,
                    },
                    {
                        "title": (
                            "Develop and embed a process for care leavers to access their own and "
                            "their family medical history"
                        ),
                        "description": (
                            "Develop and embed a process whereby young people preparing to leave "
                            "care are supported to access their own and their family medical "
                            "history"
                        ),
                        "objective": 1,
                        "owner": "Designated Nurse for Children in Care",
                        "lead_organisation": "NHS West Cheshire CCG",
                        "stage": "plan",
                        "status": "in_progress",
                        "start_days": -256,
                        "due_days": 341,
                    },
                    {
                        "title": (
                            "Ensure work undertaken by the Adoption Team is embedded in the new "
                            "Regional Adoption Agency"
                        ),
                        "description": (
                            "Ensure work undertaken by the Adoption Team is embedded in the new "
                            "Regional Adoption Agency"
                        ),
                        "objective": 2,
                        "owner": "Adoption Service Manager",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "not_started",
                        "start_days": 75,
                        "due_days": 289,
                    },
                    {
                        "title": (
                            "Monitor waiting times and evaluate outcomes for children and young "
                            "people/carers who have used the service"
                        ),
                        "description": (
                            "Monitor waiting times and evaluate outcomes for children and young "
                            "people/carers who have used the service"
                        ),
                        "objective": 3,
                        "owner": "Children's Mental Health Commissioning Manager",
                        "lead_organisation": "NHS West Cheshire CCG",
                        "stage": "review",
                        "status": "in_progress",
                        "start_days": -340,
                        "due_days": 143,
                    },
                    {
                        "title": (
                            "Obtain annual feedback from Social workers and Panel members about "
                            "the effectiveness of Panels"
                        ),
                        "description": (
                            "Obtain annual feedback from Social workers and Panel members about "
                            "the effectiveness of Panels"
                        ),
                        "objective": 2,
                        "owner": "Adoption Panel Adviser",
                        "lead_organisation": "CWAC",
                        "stage": "review",
                        "status": "not_started",
                        "start_days": 33,
                        "due_days": 399,
                    },
                    {
                        "title": (
                            "Provide targeted interventions through the Pupil Premium plus funding"
                        ),
                        "description": (
                            "Provide targeted interventions through the Pupil Premium plus funding"
                        ),
                        "objective": 4,
                        "owner": "Virtual School Headteacher",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -134,
                        "due_days": 110,
                    },
                    {
                        "title": (
                            "Ensure Care leavers have access to appropriate further education, "
                            "training and support"
                        ),
                        "description": (
                            "Ensure Care leavers have access to appropriate further education, "
                            "training and support needed to meet their individual needs"
                        ),
                        "objective": 5,
                        "owner": "Leaving Care Service Manager",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -212,
                        "due_days": 65,
                    },
                    {
                        "title": (
                            "Establish a clear framework/scheme for care leavers to access "
                            "apprenticeships"
                        ),
                        "description": (
                            "Establish a clear framework/scheme for care leavers to access "
                            "apprenticeships."
                        ),
                        "objective": 5,
                        "owner": "Employment and Skills Manager",
                        "lead_organisation": "CWAC",
                        "stage": "plan",
                        "status": "in_progress",
                        "start_days": -326,
                        "due_days": 323,
                    },
                    {
                        "title": "Ensure care leavers can secure appropriate accommodation",
                        "description": "Ensure care leavers can secure appropriate accommodation",
                        "objective": 5,
                        "owner": "Housing Options Manager",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "not_started",
                        "start_days": 67,
                        "due_days": 153,
                    },
                    {
                        "title": (
                            "Ensure care leavers receive independence preparation, professional "
                            "support, benefits and financial support"
                        ),
                        "description": (
                            "Ensure care leavers receive the necessary independence preparation "
                            "work and professional support, benefits and financial support they "
                            "are entitled to"
                        ),
                        "objective": 5,
                        "owner": "Personal Adviser Team Manager (Care Leavers)",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -369,
                        "due_days": 156,
                    },
                ],
                "indicators": [
                    {
                        "name": "Number of Children in Care (CiC)",
                        "definition": (
                            "Number of children in care in Cheshire West and Chester at the "
                            "snapshot date."
                        ),
                        "unit": "count",
                        "polarity": "lower",
                        "target": None,
                        "source": (
                            "Cheshire West and Chester local data (June 2017), as quoted in the "
                            "framework"
                        ),
                        "values": [
                            {
                                "period_label": "June 2017",
                                "period_end": "2017-06-30",
                                "value": 483,
                                "comparator": "",
                                "comparator_value": None,
                                "note": (
                                    "Of these: 102 aged 0-4, 119 aged 5-10, 172 aged 11-15, 90 "
                                    "aged 16+."
                                ),
                            },
                        ],
                    },
                    {
                        "name": "Children in care placements within the borough",
                        "definition": (
                            "Number of children in care placements within Cheshire West and "
                            "Chester."
                        ),
                        "unit": "count",
                        "polarity": "higher",
                        "target": None,
                        "source": (
                            "Cheshire West and Chester local data (June 2017), as quoted in the "
                            "framework"
                        ),
                        "values": [
                            {
                                "period_label": "June 2017",
                                "period_end": "2017-06-30",
                                "value": 304,
                                "comparator": "",
                                "comparator_value": None,
                                "note": "",
                            },
                        ],
                    },
                    {
                        "name": "Children in care placements out of borough",
                        "definition": (
                            "Number of children in care placements outside Cheshire West and "
                            "Chester."
                        ),
                        "unit": "count",
                        "polarity": "lower",
                        "target": None,
                        "source": (
                            "Cheshire West and Chester local data (June 2017), as quoted in the "
                            "framework"
                        ),
                        "values": [
                            {
                                "period_label": "June 2017",
                                "period_end": "2017-06-30",
                                "value": 179,
                                "comparator": "",
                                "comparator_value": None,
                                "note": "",
                            },
                        ],
                    },
                ],
            },
            {
                "title": "Special Educational Needs and Disabilities (SEND)",
                "aim": (
                    "The needs of children and young people with Special Education Needs and "
                    "disabilities are met."
                ),
                "lead_board": "Children's Trust Executive",
                "objectives": [
                    "Improve the quality of provision for learners with SEND",
                    (
                        "Ensure early identification of SEN and high quality intervention to meet "
                        "those needs"
                    ),
                    (
                        "Further develop the effective transition between education phases "
                        "including preparing for adult pathways"
                    ),
                    (
                        "Ensure engagement and co-production with children, young people, parents "
                        "and carers"
                    ),
                ],
                "actions": [
                    {
                        "title": "Embed the early years pathway on the Local Offer",
                        "description": "Embed the early years pathway on the Local Offer",
                        "objective": 1,
                        "owner": "Local Offer Manager",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -166,
                        "due_days": -53,
                    },
                    {
                        "title": "Further develop the Child Development Service",
                        "description": "Further develop the Child Development Service",
                        "objective": 1,
                        "owner": "Designated Clinical Officer for SEND",
                        "lead_organisation": "NHS West Cheshire CCG",
                        "stage": "plan",
                        "status": "not_started",
                        "start_days": 88,
                        "due_days": 344,
                    },
                    {
                        "title": "Improve inclusion in mainstream schools",
                        "description": "Improve inclusion in mainstream schools",
                        "objective": 0,
                        "owner": "SENCO Network Lead",
                        "lead_organisation": "Schools",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -356,
                        "due_days": 170,
                    },
                    {
                        "title": "Review disabled and young people's services within CW&C",
                        "description": "Review disabled and young people's services within CW&C",
                        "objective": 0,
                        "owner": "Head of Children's Commissioning",
                        "lead_organisation": "CWAC",
                        "stage": "review",
                        "status": "in_progress",
                        "start_days": -341,
                        "due_days": 146,
                    },
                    {
                        "title": (
                            "Further develop the SEND Joint Commissioning Strategy and implement "
                            "actions"
                        ),
                        "description": (
                            "Further develop the SEND Joint Commissioning Strategy and implement "
                            "actions"
                        ),
                        "objective": None,
                        "owner": "SEND Joint Commissioning Manager",
                        "lead_organisation": "CWAC",
                        "stage": "plan",
                        "status": "in_progress",
                        "start_days": -328,
                        "due_days": 168,
                    },
                    {
                        "title": (
                            "Renew joint commissioning with Health of Speech and Language support"
                        ),
                        "description": (
                            "Renew joint commissioning with Health of Speech and Language support"
                        ),
                        "objective": 1,
                        "owner": "SEND Joint Commissioning Manager",
                        "lead_organisation": "NHS West Cheshire CCG",
                        "stage": "do",
                        "status": "complete",
                        "start_days": -196,
                        "due_days": 4,
                    },
                    {
                        "title": (
                            "Work with the specialist sector to strengthen lead role in developing "
                            "SEND improvements"
                        ),
                        "description": (
                            "Work with the specialist sector to strengthen lead role in developing "
                            "SEND improvements"
                        ),
                        "objective": 0,
                        "owner": "Special Schools Headteacher Representative",
                        "lead_organisation": "Schools",
                        "stage": "plan",
                        "status": "complete",
                        "start_days": -333,
                        "due_days": -120,
                    },
                    {
                        "title": (
                            "Improve information management systems to inform impact of services "
                            "and outcomes of children and young people"
                        ),
                        "description": (
                            "Improve information management systems to inform impact of services "
                            "and outcomes of children and young people"
                        ),
                        "objective": None,
                        "owner": "Performance and Intelligence Manager",
                        "lead_organisation": "CWAC",
                        "stage": "analyse",
                        "status": "in_progress",
                        "start_days": -179,
                        "due_days": 74,
                    },
                    {
                        "title": (
                            "Work across Education, Health and Social Care to support early "
                            "identification of SEN"
                        ),
                        "description": (
                            "Work across Education, Health and Social Care to support early "
                            "identification of SEN so co-ordinated effective interventions are made"
                        ),
                        "objective": 1,
                        "owner": "Designated Clinical Officer for SEND",
                        "lead_organisation": "NHS West Cheshire CCG",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -316,
                        "due_days": 186,
                    },
                    {
                        "title": (
                            "Review and refresh decision making process for EHC needs assessment "
                            "requests and resource allocation"
                        ),
                        "description": (
                            "Review and refresh decision making process for requests for "
                            "Education, Health and Care (EHC) needs assessments and resource "
                            "allocation"
                        ),
                        "objective": 0,
                        "owner": "SEN Assessment and Review Manager",
                        "lead_organisation": "CWAC",
                        "stage": "review",
                        "status": "in_progress",
                        "start_days": -151,
                        "due_days": -33,
                    },
                    {
                        "title": (
                            "Ensure Integrated Early Support (IES) staff support children with "
                            "SEND and undertake TAF assessments"
                        ),
                        "description": (
                            "Ensure Integrated Early Support (IES) staff support children with "
                            "SEND through multi-agency working with a range of professionals and "
                            "undertake holistic Team Around the Family (TAF) assessments with all "
                            "families that have multiple and complex needs"
                        ),
                        "objective": 1,
                        "owner": "Integrated Early Support Service Manager",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -399,
                        "due_days": -38,
                    },
                    {
                        "title": (
                            "Further develop clear guidance around options and person centre "
                            "planning from Year 9 reviews onwards"
                        ),
                        "description": (
                            "Further develop clear guidance around options and person centre "
                            "planning from Year 9 reviews onwards"
                        ),
                        "objective": 2,
                        "owner": "Preparing for Adulthood Lead",
                        "lead_organisation": "CWAC",
                        "stage": "plan",
                        "status": "in_progress",
                        "start_days": -326,
                        "due_days": -16,
                    },
                    {
                        "title": (
                            "Ensure clear information and guidance for parents on transition from "
                            "primary to secondary schools"
                        ),
                        "description": (
                            "Ensure clear information and guidance is available to parents and "
                            "families to support transition from primary to secondary schools"
                        ),
                        "objective": 2,
                        "owner": "SEND Information, Advice and Support Manager",
                        "lead_organisation": "CWAC",
                        "stage": "plan",
                        "status": "not_started",
                        "start_days": 67,
                        "due_days": 180,
                    },
                    {
                        "title": (
                            "Early Years Workers liaise with settings and other professionals to "
                            "establish the child's starting points"
                        ),
                        "description": (
                            "Ensure that as part of the targeted intervention the Early Years "
                            "Workers liaise with settings and other professionals to establish the "
                            "child's starting points. The learning summary and next steps are then "
                            "shared with the relevant professionals to support future plans."
                        ),
                        "objective": 1,
                        "owner": "Early Years Inclusion Manager",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "complete",
                        "start_days": -294,
                        "due_days": -130,
                    },
                    {
                        "title": (
                            "Continue the programme to develop high quality post 16 provision for "
                            "learners with SEND"
                        ),
                        "description": (
                            "Continue the programme to develop high quality post 16 provision for "
                            "learners with SEND"
                        ),
                        "objective": 2,
                        "owner": "Post-16 SEND Commissioning Manager",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -73,
                        "due_days": 367,
                    },
                    {
                        "title": "Renew and refresh the guidance on SEN support",
                        "description": "Renew and refresh the guidance on SEN support",
                        "objective": 0,
                        "owner": "Principal Educational Psychologist",
                        "lead_organisation": "CWAC",
                        "stage": "plan",
                        "status": "complete",
                        "start_days": -253,
                        "due_days": -114,
                    },
                    {
                        "title": (
                            "Further develop the Local Offer to include a review feedback mechanism"
                        ),
                        "description": (
                            "Further develop the Local Offer to include a review feedback "
                            "mechanism to support the development and co-production of the Offer"
                        ),
                        "objective": 3,
                        "owner": "Local Offer Manager",
                        "lead_organisation": "CWAC",
                        "stage": "review",
                        "status": "in_progress",
                        "start_days": -147,
                        "due_days": 333,
                    },
                    {
                        "title": "Further develop the implementation of personal budgets",
                        "description": "Further develop the implementation of personal budgets",
                        "objective": 0,
                        "owner": "Personal Budgets Lead",
                        "lead_organisation": "CWAC",
                        "stage": "plan",
                        "status": "in_progress",
                        "start_days": -211,
                        "due_days": -88,
                    },
                    {
                        "title": (
                            "Enable parents to explore flexible alternative travel arrangements"
                        ),
                        "description": (
                            "Enable parents to explore flexible alternative travel arrangements"
                        ),
                        "objective": None,
                        "owner": "Transport Policy Manager",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "not_started",
                        "start_days": -275,
                        "due_days": -48,
                    },
                    {
                        "title": (
                            "Review provision for disagreement resolution and mediation service "
                            "and refresh information"
                        ),
                        "description": (
                            "Review provision for disagreement resolution and mediation service "
                            "and refresh information so that all stakeholders are clear on most "
                            "appropriate routes to resolve disagreements"
                        ),
                        "objective": 3,
                        "owner": "SEND Information, Advice and Support Manager",
                        "lead_organisation": "CWAC",
                        "stage": "review",
                        "status": "in_progress",
                        "start_days": -178,
                        "due_days": 187,
                    },
                    {
                        "title": (
                            "Continue to seek regular improvement of services through regular "
                            "consultation, feedback and engagement"
                        ),
                        "description": (
                            "Continue to seek regular improvement of services through regular "
                            "consultation, feedback and engagement"
                        ),
                        "objective": 3,
                        "owner": "Parent Carer Forum Coordinator",
                        "lead_organisation": "VCFS",
                        "stage": "review",
                        "status": "in_progress",
                        "start_days": -172,
                        "due_days": 283,
                    },
                    {
                        "title": (
                            "Ensure a co-ordinated and holistic approach to support traditionally "
                            "marginalised families"
                        ),
                        "description": (
                            "Ensure a co-ordinated and holistic approach to support traditionally "
                            "marginalised families."
                        ),
                        "objective": 3,
                        "owner": "Integrated Early Support Service Manager",
                        "lead_organisation": "CWAC",
                        "stage": "plan",
                        "status": "in_progress",
                        "start_days": -235,
                        "due_days": 117,
                    },
                ],
                "indicators": [
                    {
                        "name": "Number of Children with Disabilities",
                        "definition": (
                            "Number of children with disabilities at the snapshot date (context "
                            "measure)."
                        ),
                        "unit": "count",
                        "polarity": "higher",
                        "target": None,
                        "source": (
                            "Cheshire West and Chester local data (June 2017), as quoted in the "
                            "framework"
                        ),
                        "values": [
                            {
                                "period_label": "June 2017",
                                "period_end": "2017-06-30",
                                "value": 248,
                                "comparator": "",
                                "comparator_value": None,
                                "note": "",
                            },
                        ],
                    },
                    {
                        "name": "Key Stage 2 reading, writing and maths: SEN gap",
                        "definition": (
                            "Gap in the percentage reaching the expected standard in reading, "
                            "writing and maths at Key Stage 2 between pupils with a Statement "
                            "compared to those with No SEN Provision (percentage points)."
                        ),
                        "unit": "percentage",
                        "polarity": "lower",
                        "target": None,
                        "source": "Key Stage 2 assessments, DfE",
                        "values": [
                            {
                                "period_label": "2016",
                                "period_end": "2016-08-31",
                                "value": 56,
                                "comparator": "",
                                "comparator_value": None,
                                "note": "",
                            },
                        ],
                    },
                    {
                        "name": "Key Stage 4 Attainment 8: SEN gap",
                        "definition": (
                            "Gap in average Attainment 8 score between pupils with a Statement "
                            "compared to those with No SEN Provision."
                        ),
                        "unit": "score",
                        "polarity": "lower",
                        "target": None,
                        "source": "Key Stage 4 performance tables, DfE",
                        "values": [
                            {
                                "period_label": "2016",
                                "period_end": "2016-08-31",
                                "value": 37.8,
                                "comparator": "",
                                "comparator_value": None,
                                "note": "",
                            },
                        ],
                    },
                ],
            },
            {
                "title": "Prevention",
                "aim": (
                    "Intervening in a joined up way at the earliest possible stage to prevent "
                    "problems escalating with children, young people and their families."
                ),
                "lead_board": "Children's Trust Executive",
                "objectives": [
                    (
                        "Ensure a clear understanding and application of the continuum of need is "
                        "demonstrated by all practitioners across the Children's workforce"
                    ),
                    (
                        "Ensure all stakeholders embed the consistent and explicit use of the LSCB "
                        "toolkit by their workforce as part of the assessment of need process with "
                        "all families across the borough."
                    ),
                    (
                        "Ensure all stakeholders promote and actively encourage the use of TAF "
                        "assessments for families experiencing difficulties at Partnership plus on "
                        "the continuum of need (pending agreement from LSCB to amend the continuum "
                        "of need)"
                    ),
                    (
                        "Ensure all families with complex needs within partnership plus are "
                        "referred to IES through iART"
                    ),
                    "Gain a clear understanding of needs and demands across the Borough",
                    (
                        "Improve outcomes and life chances through further reforms to front line "
                        "delivery to achieve a more holistic approach to the health and wellbeing "
                        "of children and their families"
                    ),
                    "Reduce the amount of hospital admissions (0-5) due to unintentional injuries",
                    "Ensure a consistent approach to prevention across the Children's workforce",
                    "Support Parents to become resilient, confident and independent",
                ],
                # Seed bullet 4 ("... use of TAF Request that ...") looks like two merged bullets;
                # kept as one action, word for word.
                "actions": [
                    {
                        "title": (
                            "Heavily promote the use of TAF assessments for families with 2 or "
                            "more unmet needs"
                        ),
                        "description": (
                            "Heavily promote the use of TAF assessments for families with 2 or "
                            "more unmet needs"
                        ),
                        "objective": 2,
                        "owner": "Early Help and Prevention Manager",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "complete",
                        "start_days": -214,
                        "due_days": -81,
                    },
                    {
                        "title": (
                            "The independent Safeguarding team will undertake an annual audit of "
                            "the application of the continuum of need"
                        ),
                        "description": (
                            "The independent Safeguarding team will undertake an annual audit to "
                            "analyse the application of the continuum of need and report to the "
                            "Childrens Trust"
                        ),
                        "objective": 0,
                        "owner": "Independent Safeguarding Unit Manager",
                        "lead_organisation": "CWAC",
                        "stage": "review",
                        "status": "in_progress",
                        "start_days": -196,
                        "due_days": 302,
                    },
                    {
                        "title": (
                            "All agencies will ensure their workforce have a sound understanding "
                            "of the continuum of need and test out this"
                        ),
                        "description": (
                            "All agencies will ensure their workforce have a sound understanding "
                            "of the continuum of need and test out this"
                        ),
                        "objective": 0,
                        "owner": "LSCB Business Manager",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -92,
                        "due_days": 82,
                    },
                    {
                        "title": (
                            "Ensure all agencies and commissioners commit to the consistent use of "
                            "TAF; quarterly LSCB toolkit data"
                        ),
                        "description": (
                            "Ensure all agencies and commissioners commit to the consistent use of "
                            "TAF Request that all agencies submit quarterly data about the use of "
                            "the LSCB toolkit"
                        ),
                        "objective": 1,
                        "owner": "LSCB Business Manager",
                        "lead_organisation": "CWAC",
                        "stage": "review",
                        "status": "not_started",
                        "start_days": -326,
                        "due_days": -36,
                    },
                    {
                        "title": (
                            "Continue to monitor the percentage of contacts and referrals into "
                            "iART supported by the tool kits"
                        ),
                        "description": (
                            "Continue to monitor the percentage of contacts and referrals into "
                            "iART that are supported by one or more of the tool kits, to be "
                            "reported on quarterly to the trust and LSCB"
                        ),
                        "objective": 1,
                        "owner": "iART Team Manager",
                        "lead_organisation": "CWAC",
                        "stage": "review",
                        "status": "in_progress",
                        "start_days": -80,
                        "due_days": 183,
                    },
                    {
                        "title": (
                            "Liaise with the LSCB on mechanisms to induct all new staff on the use "
                            "of these assessment tools"
                        ),
                        "description": (
                            "Liaise with the LSCB to establish what mechanisms can be put in place "
                            "to induct all new staff on the use of these assessment tools"
                        ),
                        "objective": 1,
                        "owner": "LSCB Training Coordinator",
                        "lead_organisation": "CWAC",
                        "stage": "plan",
                        "status": "complete",
                        "start_days": -351,
                        "due_days": -49,
                    },
                    {
                        "title": (
                            "Ensure a commitment from all partners that toolkit training is "
                            "embedded into induction processes"
                        ),
                        "description": (
                            "Ensure a commitment from all partners that any training on the "
                            "toolkit use is embedded into organisations induction processes"
                        ),
                        "objective": 1,
                        "owner": "Workforce Development Manager",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -161,
                        "due_days": 282,
                    },
                    {
                        "title": (
                            "Request that all Commissioners include the toolkit training within "
                            "their specifications"
                        ),
                        "description": (
                            "Request that all Commissioners include the toolkit training within "
                            "their specifications"
                        ),
                        "objective": 1,
                        "owner": "Children's Commissioning Manager",
                        "lead_organisation": "NHS West Cheshire CCG",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -115,
                        "due_days": 62,
                    },
                    {
                        "title": (
                            "Gain feedback from LSCB on use of referral tools following Section 11 "
                            "Audits"
                        ),
                        "description": (
                            "Gain feedback from LSCB on use of referral tools following Section 11 "
                            "Audits"
                        ),
                        "objective": 1,
                        "owner": "LSCB Business Manager",
                        "lead_organisation": "CWAC",
                        "stage": "review",
                        "status": "in_progress",
                        "start_days": -375,
                        "due_days": 140,
                    },
                    {
                        "title": "Retain the current level of TAF advisors across the borough",
                        "description": (
                            "Retain the current level of TAF advisors across the borough"
                        ),
                        "objective": 2,
                        "owner": "Early Help and Prevention Manager",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -386,
                        "due_days": -30,
                    },
                    {
                        "title": "Seek funding sources to increase TAF advisors in the short term",
                        "description": (
                            "Seek funding sources to increase TAF advisors in the short term"
                        ),
                        "objective": 2,
                        "owner": "Head of Integrated Early Support",
                        "lead_organisation": "CWAC",
                        "stage": "plan",
                        "status": "not_started",
                        "start_days": -100,
                        "due_days": -9,
                    },
                    {
                        "title": (
                            "Look at alternative solutions to T Volution so that there is improved "
                            "access to eTAF for all non PSN users"
                        ),
                        "description": (
                            "Look at alternative solutions to T Volution so that there is improved "
                            "access to eTAF for all non PSN users"
                        ),
                        "objective": 2,
                        "owner": "ICT Business Partner (Children's Services)",
                        "lead_organisation": "CWAC",
                        "stage": "plan",
                        "status": "in_progress",
                        "start_days": -75,
                        "due_days": 267,
                    },
                    {
                        "title": (
                            "Pilot a multi-agency TAF audit process with partners for TAFs outside "
                            "of IES"
                        ),
                        "description": (
                            "Pilot a multi-agency TAF audit process with partners for TAFs outside "
                            "of IES"
                        ),
                        "objective": 2,
                        "owner": "Quality Assurance Manager (Early Help)",
                        "lead_organisation": "CWAC",
                        "stage": "review",
                        "status": "in_progress",
                        "start_days": -370,
                        "due_days": -85,
                    },
                    {
                        "title": "Continue to deliver basic and advance TAF training",
                        "description": "Continue to deliver basic and advance TAF training",
                        "objective": 2,
                        "owner": "TAF Training Coordinator",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -81,
                        "due_days": 168,
                    },
                    {
                        "title": (
                            "The Trust and LSCB to explore how training will be funded after "
                            "2017/18"
                        ),
                        "description": (
                            "The Trust and LSCB to explore how training will be funded after "
                            "2017/18"
                        ),
                        "objective": 7,
                        "owner": "LSCB Business Manager",
                        "lead_organisation": "CWAC",
                        "stage": "plan",
                        "status": "in_progress",
                        "start_days": -65,
                        "due_days": 145,
                    },
                    {
                        "title": (
                            "Continue to strengthen a more integrated approach such as other "
                            "agencies accessing Liquid Logic"
                        ),
                        "description": (
                            "Continue to strengthen a more integrated approach such as other "
                            "agencies accessing Liquid Logic"
                        ),
                        "objective": 5,
                        "owner": "ICT Business Partner (Children's Services)",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "complete",
                        "start_days": -156,
                        "due_days": 36,
                    },
                    {
                        "title": "Support workforces to push forward multi-agency decision making",
                        "description": (
                            "Support workforces to push forward multi-agency decision making"
                        ),
                        "objective": 5,
                        "owner": "Head of Integrated Early Support",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "complete",
                        "start_days": -329,
                        "due_days": -71,
                    },
                    {
                        "title": (
                            "Gain a clearer understanding of the reason for A&E admissions (0-5) "
                            "and develop actions in response"
                        ),
                        "description": (
                            "Gain a clearer understanding of the reason for A&E admissions (0-5) "
                            "and develop actions in response"
                        ),
                        "objective": 6,
                        "owner": "Public Health Lead for Children",
                        "lead_organisation": "Public Health",
                        "stage": "analyse",
                        "status": "not_started",
                        "start_days": 36,
                        "due_days": 214,
                    },
                    {
                        "title": (
                            "Undertake an audit of children's workforce training and agree a core "
                            "training offer"
                        ),
                        "description": (
                            "Undertake an audit of children's workforce training across the "
                            "borough and agree a core training offer linked to early help and "
                            "prevention"
                        ),
                        "objective": 7,
                        "owner": "Workforce Development Manager",
                        "lead_organisation": "CWAC",
                        "stage": "analyse",
                        "status": "in_progress",
                        "start_days": -212,
                        "due_days": 313,
                    },
                    {
                        "title": (
                            "Produce a parenting offer for the borough detailing the offers "
                            "available from each partner agency"
                        ),
                        "description": (
                            "Produce a parenting offer for the borough detailing the offers "
                            "available from each partner agency"
                        ),
                        "objective": 8,
                        "owner": "Parenting Strategy Lead",
                        "lead_organisation": "CWAC",
                        "stage": "plan",
                        "status": "complete",
                        "start_days": -349,
                        "due_days": -65,
                    },
                    {
                        "title": (
                            "Ensure commitment from each partner to adhere to the parenting offer"
                        ),
                        "description": (
                            "Ensure commitment from each partner to adhere to the parenting offer"
                        ),
                        "objective": 8,
                        "owner": "Parenting Strategy Lead",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -332,
                        "due_days": 38,
                    },
                    {
                        "title": (
                            "Roll out a training and support programme to embed the parenting offer"
                        ),
                        "description": (
                            "Roll out a training and support programme to embed the parenting offer"
                        ),
                        "objective": 8,
                        "owner": "Parenting Programmes Coordinator",
                        "lead_organisation": "VCFS",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -233,
                        "due_days": -64,
                    },
                    {
                        "title": (
                            "Create a fully integrated 0-19yrs service that will be known as the "
                            "'Starting Well Service'"
                        ),
                        "description": (
                            "Create a fully integrated 0-19yrs service that will be known as the "
                            "'Starting Well Service', promoting the ethos of early identification "
                            "of signals of risk and employing strategies for early action and "
                            "prevention."
                        ),
                        "objective": 5,
                        "owner": "Public Health Commissioning Manager",
                        "lead_organisation": "Public Health",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -191,
                        "due_days": 309,
                    },
                    {
                        "title": (
                            "Re-commission a targeted support service for vulnerable children and "
                            "young people"
                        ),
                        "description": (
                            "Re-commission a targeted support service for vulnerable children and "
                            "young people."
                        ),
                        "objective": 5,
                        "owner": "Head of Children's Commissioning",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -117,
                        "due_days": -54,
                    },
                ],
                "indicators": [
                    {
                        "name": "Children on a Child Protection Plan (CP)",
                        "definition": (
                            "Number of children on a Child Protection Plan at the snapshot date."
                        ),
                        "unit": "count",
                        "polarity": "lower",
                        "target": None,
                        "source": (
                            "Cheshire West and Chester local data (June 2017), as quoted in the "
                            "framework"
                        ),
                        "values": [
                            {
                                "period_label": "June 2017",
                                "period_end": "2017-06-30",
                                "value": 263,
                                "comparator": "",
                                "comparator_value": None,
                                "note": "",
                            },
                        ],
                    },
                    {
                        "name": "Young people Not in Education, Employment or Training (NEET)",
                        "definition": "Number of young people NEET in the tracked cohort.",
                        "unit": "count",
                        "polarity": "lower",
                        "target": None,
                        "source": (
                            "Cheshire West and Chester local data (June 2017), as quoted in the "
                            "framework"
                        ),
                        "values": [
                            {
                                "period_label": "June 2017",
                                "period_end": "2017-06-30",
                                "value": 246,
                                "comparator": "",
                                "comparator_value": None,
                                "note": "246 out of a cohort of 6,929.",
                            },
                        ],
                    },
                    {
                        "name": "Key Stage 2 reading, writing and maths",
                        "definition": (
                            "Percentage of pupils reaching the expected standard in reading, "
                            "writing and maths at Key Stage 2."
                        ),
                        "unit": "percentage",
                        "polarity": "higher",
                        "target": None,
                        "source": "Key Stage 2 assessments, DfE",
                        "values": [
                            {
                                "period_label": "2016",
                                "period_end": "2016-08-31",
                                "value": 53,
                                "comparator": "England",
                                "comparator_value": 53,
                                "note": "",
                            },
                        ],
                    },
                    {
                        "name": "Key Stage 2 reading, writing and maths: FSM gap",
                        "definition": (
                            "Gap in the percentage reaching the expected standard in reading, "
                            "writing and maths at Key Stage 2 between pupils eligible for free "
                            "school meals (FSM) compared with other pupils (percentage points)."
                        ),
                        "unit": "percentage",
                        "polarity": "lower",
                        "target": None,
                        "source": "Key Stage 2 assessments, DfE",
                        "values": [
                            {
                                "period_label": "2016",
                                "period_end": "2016-08-31",
                                "value": 25,
                                "comparator": "",
                                "comparator_value": None,
                                "note": "",
                            },
                        ],
                    },
                    {
                        "name": "Key Stage 4 Attainment 8 score",
                        "definition": "Average Attainment 8 score per pupil at Key Stage 4.",
                        "unit": "score",
                        "polarity": "higher",
                        "target": None,
                        "source": "Key Stage 4 performance tables, DfE",
                        "values": [
                            {
                                "period_label": "2016",
                                "period_end": "2016-08-31",
                                "value": 51.3,
                                "comparator": "England",
                                "comparator_value": 48.5,
                                "note": "",
                            },
                        ],
                    },
                    {
                        "name": "Key Stage 4 Attainment 8: FSM gap",
                        "definition": (
                            "Gap in average Attainment 8 score between pupils eligible for free "
                            "school meals (FSM) compared with other pupils."
                        ),
                        "unit": "score",
                        "polarity": "lower",
                        "target": None,
                        "source": "Key Stage 4 performance tables, DfE",
                        "values": [
                            {
                                "period_label": "2016",
                                "period_end": "2016-08-31",
                                "value": 17.1,
                                "comparator": "",
                                "comparator_value": None,
                                "note": "",
                            },
                        ],
                    },
                ],
            },
            {
                "title": "Early Years Closing the Gap",
                "aim": (
                    "To promote the development of children in Early Years so that the gap in "
                    "outcomes between vulnerable children and their peers is closed."
                ),
                "lead_board": "Children's Trust Executive",
                "objectives": [
                    "Ensure all children are able to achieve their goals and aspirations",
                    "Ensure under performance in early years is eradicated",
                    "Improve levels of school readiness",
                    "Increase the access to 2 year old funded provision",
                    "Improve take up to 3 and 4 year old funded places",
                    "Ensure a greater engagement with TAF process across the Partnership",
                    (
                        "Implement an integrated 2 – 2.5yr review across Cheshire West and Chester "
                        "- bringing together the assessments of education and health"
                    ),
                    "Improve Oral health and reduce hospital admissions for teeth extractions",
                    "Reduce hospital admissions 0-5 due to unintentional injuries",
                    "Improve breastfeeding rates",
                    "Improve smoking cessation rates for mums-to-be",
                    "Direct resources effectively at locality level based on locality data",
                    "Reduce health inequalities and improve access and service in deprived areas",
                ],
                "actions": [
                    {
                        "title": (
                            "Children who are developmentally behind are referred to the "
                            "appropriate professional"
                        ),
                        "description": (
                            "Children who are developmentally behind are referred to the "
                            "appropriate professional"
                        ),
                        "objective": 0,
                        "owner": "Early Years Inclusion Manager",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "not_started",
                        "start_days": 9,
                        "due_days": 330,
                    },
                    {
                        "title": (
                            "Ensure the Early Years closing the Gap work stream is targeted in its "
                            "approach"
                        ),
                        "description": (
                            "Ensure the Early Years closing the Gap work stream is targeted in its "
                            "approach"
                        ),
                        "objective": 1,
                        "owner": "Early Years and Childcare Manager",
                        "lead_organisation": "CWAC",
                        "stage": "plan",
                        "status": "in_progress",
                        "start_days": -139,
                        "due_days": 110,
                    },
                    {
                        "title": (
                            "Ensure the Early Years team is working with early year providers to "
                            "raise the profile of TAF"
                        ),
                        "description": (
                            "Ensure the Early Years team is working with early year providers to "
                            "raise the profile of TAF"
                        ),
                        "objective": 5,
                        "owner": "Early Years Quality Improvement Manager",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -399,
                        "due_days": -49,
                    },
                    {
                        "title": (
                            "Track the yearly cohort of CiC to increase the percentage achieving a "
                            "'GLD'"
                        ),
                        "description": (
                            "Track the yearly cohort of CiC to increase percentage of children "
                            "achieving a 'GLD' through Virtual School and EYFS team"
                        ),
                        "objective": 0,
                        "owner": "Virtual School Headteacher",
                        "lead_organisation": "CWAC",
                        "stage": "review",
                        "status": "complete",
                        "start_days": -218,
                        "due_days": -7,
                    },
                    {
                        "title": "Ensure schools with onsite settings are receiving joint visits",
                        "description": (
                            "Ensure schools with onsite settings are receiving joint visits to "
                            "support with tracking progress and accuracy of judgements and also to "
                            "support transition and school readiness"
                        ),
                        "objective": 2,
                        "owner": "Early Years Quality Improvement Manager",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "not_started",
                        "start_days": 45,
                        "due_days": 147,
                    },
                    {
                        "title": (
                            "Ensure targeted early years providers and schools are receiving "
                            "termly monitoring visits"
                        ),
                        "description": (
                            "Ensure targeted early years providers and schools are receiving "
                            "termly monitoring visits to ensure accurate assessment and tracking"
                        ),
                        "objective": 1,
                        "owner": "Early Years Advisory Teacher Lead",
                        "lead_organisation": "CWAC",
                        "stage": "review",
                        "status": "in_progress",
                        "start_days": -316,
                        "due_days": 245,
                    },
                    {
                        "title": (
                            "Ensure the Early Years team is targeting schools with EYFSP data "
                            "lower than CW&C"
                        ),
                        "description": (
                            "Ensure the Early Years team is targeting schools with EYFSP data "
                            "lower than CW&C"
                        ),
                        "objective": 1,
                        "owner": "Early Years Quality Improvement Manager",
                        "lead_organisation": "CWAC",
                        "stage": "analyse",
                        "status": "complete",
                        "start_days": -323,
                        "due_days": -85,
                    },
                    {
                        "title": (
                            "Ensure the Early Years team is targeting providers and schools judged "
                            "as requiring improvement or inadequate"
                        ),
                        "description": (
                            "Ensure the Early Years team is targeting early years providers and "
                            "schools that have been judged as requiring improvement or inadequate"
                        ),
                        "objective": 1,
                        "owner": "Early Years Quality Improvement Manager",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "complete",
                        "start_days": -361,
                        "due_days": -31,
                    },
                    {
                        "title": "Ensure school readiness is better populated",
                        "description": "Ensure school readiness is better populated",
                        "objective": 2,
                        "owner": "Early Years and Childcare Manager",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "not_started",
                        "start_days": 46,
                        "due_days": 357,
                    },
                    {
                        "title": "Increase rate of accurate assessments",
                        "description": "Increase rate of accurate assessments",
                        "objective": 1,
                        "owner": "EYFS Moderation Manager",
                        "lead_organisation": "CWAC",
                        "stage": "review",
                        "status": "in_progress",
                        "start_days": -336,
                        "due_days": 219,
                    },
                    {
                        "title": (
                            "Ensure the School readiness leaflet links to the Early Years workers "
                            "QA framework"
                        ),
                        "description": (
                            "Ensure the School readiness leaflet links to the Early Years workers "
                            "QA framework"
                        ),
                        "objective": 2,
                        "owner": "Early Years Quality Improvement Manager",
                        "lead_organisation": "CWAC",
                        "stage": "plan",
                        "status": "in_progress",
                        "start_days": -367,
                        "due_days": 222,
                    },
                    {
                        "title": (
                            "Continue with regular communication, information events training and "
                            "support for the sector"
                        ),
                        "description": (
                            "Continue with regular communication, information events training and "
                            "support for the sector"
                        ),
                        "objective": None,
                        "owner": "Childcare Sufficiency Officer",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -303,
                        "due_days": 351,
                    },
                    {
                        "title": (
                            "Continue to encourage providers to buy into the Finance and Business "
                            "compliance (FBC) tool"
                        ),
                        "description": (
                            "Continue to encourage providers to buy into the Finance and Business "
                            "compliance (FBC) tool to ensure providers are using a robust model of "
                            "business planning to enable sufficient supply of 2 yr old places"
                        ),
                        "objective": 3,
                        "owner": "Childcare Sufficiency Officer",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "not_started",
                        "start_days": 57,
                        "due_days": 389,
                    },
                    {
                        "title": (
                            "Ensure there are Good and Outstanding places to respond to demand for "
                            "childcare places"
                        ),
                        "description": (
                            "Ensure there are Good and Outstanding places to respond to demand for "
                            "childcare places"
                        ),
                        "objective": 3,
                        "owner": "Childcare Sufficiency Manager",
                        "lead_organisation": "CWAC",
                        "stage": "plan",
                        "status": "in_progress",
                        "start_days": -369,
                        "due_days": 183,
                    },
                    {
                        "title": (
                            "Review, improve and vary approaches to encourage families to access "
                            "their free entitlement"
                        ),
                        "description": (
                            "Review, improve and vary approaches to encourage families to access "
                            "their free entitlement"
                        ),
                        "objective": 4,
                        "owner": "Family Information Service Manager",
                        "lead_organisation": "CWAC",
                        "stage": "review",
                        "status": "complete",
                        "start_days": -378,
                        "due_days": -82,
                    },
                    {
                        "title": (
                            "Review the capacity of the childcare market in relation to the new 30 "
                            "hr offer"
                        ),
                        "description": (
                            "Review the capacity of the childcare market in relation to the new 30 "
                            "hr offer and monitor impact on current take up figures"
                        ),
                        "objective": 4,
                        "owner": "Childcare Sufficiency Manager",
                        "lead_organisation": "CWAC",
                        "stage": "analyse",
                        "status": "not_started",
                        "start_days": 59,
                        "due_days": 151,
                    },
                    {
                        "title": "Continue to support early years providers with referrals",
                        "description": "Continue to support early years providers with referrals",
                        "objective": 5,
                        "owner": "Early Years Inclusion Manager",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "complete",
                        "start_days": -166,
                        "due_days": -38,
                    },
                    {
                        "title": (
                            "Continue to monitor progress on the pilot areas for 2 year joined up "
                            "check"
                        ),
                        "description": (
                            "Continue to monitor progress on the pilot areas for 2 year joined up "
                            "check"
                        ),
                        "objective": 6,
                        "owner": "Health Visiting Service Manager",
                        "lead_organisation": "CWP",
                        "stage": "review",
                        "status": "complete",
                        "start_days": -198,
                        "due_days": -113,
                    },
                    {
                        "title": (
                            "Ensure all providers and health are sharing assessments to inform "
                            "next steps with children"
                        ),
                        "description": (
                            "Ensure all providers and health are sharing assessments to inform "
                            "next steps with children"
                        ),
                        "objective": 6,
                        "owner": "Health Visiting Service Manager",
                        "lead_organisation": "CWP",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -372,
                        "due_days": 142,
                    },
                    {
                        "title": "Ensure all settings know who their Health visitor is",
                        "description": "Ensure all settings know who their Health visitor is",
                        "objective": 6,
                        "owner": "Early Years and Childcare Manager",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -226,
                        "due_days": 65,
                    },
                    {
                        "title": (
                            "Complete a programme of workforce development on Oral health for "
                            "Early years staff"
                        ),
                        "description": (
                            "Complete a programme of workforce development on Oral health for "
                            "Early years staff"
                        ),
                        "objective": 7,
                        "owner": "Oral Health Improvement Lead",
                        "lead_organisation": "Public Health",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -37,
                        "due_days": 45,
                    },
                    {
                        "title": (
                            "Include Happy Smiles toothbrush pack in service specification for "
                            "0-19 (Once pilot is complete)"
                        ),
                        "description": (
                            "Include Happy Smiles toothbrush pack in service specification for "
                            "0-19 (Once pilot is complete)"
                        ),
                        "objective": 7,
                        "owner": "Public Health Commissioning Manager",
                        "lead_organisation": "Public Health",
                        "stage": "plan",
                        "status": "in_progress",
                        "start_days": -270,
                        "due_days": 322,
                    },
                    {
                        "title": (
                            "Build on the referrals to the Gateway Domestic abuse recovery "
                            "programme and sustain this achievement"
                        ),
                        "description": (
                            "Build on the referrals to the Gateway Domestic abuse recovery "
                            "programme and sustain this achievement"
                        ),
                        "objective": None,
                        "owner": "Domestic Abuse Services Manager",
                        "lead_organisation": "VCFS",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -171,
                        "due_days": -71,
                    },
                    {
                        "title": (
                            "Strategy group Eats Well be Active framework to take forward "
                            "initiatives to improve breastfeeding rates"
                        ),
                        "description": (
                            "Strategy group Eats Well be Active framework to take forward "
                            "initiatives to improve breastfeeding rates"
                        ),
                        "objective": 9,
                        "owner": "Public Health Lead for Children",
                        "lead_organisation": "Public Health",
                        "stage": "plan",
                        "status": "complete",
                        "start_days": -303,
                        "due_days": -104,
                    },
                    {
                        "title": (
                            "Target support with the 'Babyclear' programme to help women develop "
                            "Mental resilience and stick to quitting smoking"
                        ),
                        "description": (
                            "Target support with the 'Babyclear' programme to help women develop "
                            "Mental resilience and stick to quitting smoking"
                        ),
                        "objective": 10,
                        "owner": "Tobacco Control Lead",
                        "lead_organisation": "Public Health",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -112,
                        "due_days": -66,
                    },
                    {
                        "title": (
                            "Continue to develop and strengthen community, health and early "
                            "education childcare partnerships"
                        ),
                        "description": (
                            "Continue to develop and strengthen community, health and early "
                            "education childcare partnerships"
                        ),
                        "objective": 11,
                        "owner": "Children's Centre Locality Manager",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -360,
                        "due_days": 202,
                    },
                    {
                        "title": (
                            "Hold joint management meetings to challenge and secure engagement "
                            "from families involved with CSC/MARAC"
                        ),
                        "description": (
                            "Hold joint management meetings to challenge and secure engagement "
                            "from families involved with CSC/MARAC"
                        ),
                        "objective": 5,
                        "owner": "Head of Integrated Early Support",
                        "lead_organisation": "CWAC",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -93,
                        "due_days": 183,
                    },
                    {
                        "title": (
                            "A single integrated 0-19yrs Starting Well Service that facilitates "
                            "knowledge exchange and upskilling"
                        ),
                        "description": (
                            "A single integrated 0-19yrs Starting Well Service that facilitates an "
                            "ethos of knowledge exchange and upskilling the workforce around early "
                            "identification and prevention"
                        ),
                        "objective": 12,
                        "owner": "Starting Well Service Manager",
                        "lead_organisation": "CWP",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -212,
                        "due_days": -22,
                    },
                ],
                "indicators": [
                    {
                        "name": "Good Level of Development (EYFS)",
                        "definition": (
                            "Percentage of children achieving a Good Level of Development at the "
                            "end of the Early Years Foundation Stage."
                        ),
                        "unit": "percentage",
                        "polarity": "higher",
                        "target": None,
                        "source": "Early Years Foundation Stage Profile, DfE",
                        "values": [
                            {
                                "period_label": "2016",
                                "period_end": "2016-08-31",
                                "value": 71,
                                "comparator": "England",
                                "comparator_value": 69,
                                "note": "",
                            },
                        ],
                    },
                    {
                        "name": "Good Level of Development: FSM gap",
                        "definition": (
                            "Gap in the percentage achieving a Good Level of Development between "
                            "pupils eligible for free school meals (FSM) compared with other "
                            "pupils (percentage points)."
                        ),
                        "unit": "percentage",
                        "polarity": "lower",
                        "target": None,
                        "source": "Early Years Foundation Stage Profile, DfE",
                        "values": [
                            {
                                "period_label": "2016",
                                "period_end": "2016-08-31",
                                "value": 24,
                                "comparator": "",
                                "comparator_value": None,
                                "note": "",
                            },
                        ],
                    },
                    {
                        "name": "Good Level of Development: SEN gap",
                        "definition": (
                            "Gap in the percentage achieving a Good Level of Development between "
                            "pupils with a Statement compared to those with No SEN Provision "
                            "(percentage points)."
                        ),
                        "unit": "percentage",
                        "polarity": "lower",
                        "target": None,
                        "source": "Early Years Foundation Stage Profile, DfE",
                        "values": [
                            {
                                "period_label": "2016",
                                "period_end": "2016-08-31",
                                "value": 68,
                                "comparator": "",
                                "comparator_value": None,
                                "note": "",
                            },
                        ],
                    },
                    {
                        "name": "Communication and Language (EYFS)",
                        "definition": (
                            "Percentage of children achieving at least the expected level in the "
                            "Communication and Language early learning goals at the end of the "
                            "Early Years Foundation Stage."
                        ),
                        "unit": "percentage",
                        "polarity": "higher",
                        "target": None,
                        "source": "Early Years Foundation Stage Profile, DfE",
                        "values": [
                            {
                                "period_label": "2016",
                                "period_end": "2016-08-31",
                                "value": 85,
                                "comparator": "England",
                                "comparator_value": 82,
                                "note": "",
                            },
                        ],
                    },
                    {
                        "name": "Communication and Language: FSM gap",
                        "definition": (
                            "Gap in the percentage achieving the expected level in Communication "
                            "and Language between pupils eligible for free school meals (FSM) "
                            "compared with other pupils (percentage points)."
                        ),
                        "unit": "percentage",
                        "polarity": "lower",
                        "target": None,
                        "source": "Early Years Foundation Stage Profile, DfE",
                        "values": [
                            {
                                "period_label": "2016",
                                "period_end": "2016-08-31",
                                "value": 14,
                                "comparator": "",
                                "comparator_value": None,
                                "note": "",
                            },
                        ],
                    },
                    {
                        "name": "Communication and Language: SEN gap",
                        "definition": (
                            "Gap in the percentage achieving the expected level in Communication "
                            "and Language between pupils with a Statement compared to those with "
                            "No SEN Provision (percentage points)."
                        ),
                        "unit": "percentage",
                        "polarity": "lower",
                        "target": None,
                        "source": "Early Years Foundation Stage Profile, DfE",
                        "values": [
                            {
                                "period_label": "2016",
                                "period_end": "2016-08-31",
                                "value": 78,
                                "comparator": "",
                                "comparator_value": None,
                                "note": "",
                            },
                        ],
                    },
                ],
            },
        ],
    },
    {
        # The seed has no title page; title and period as the Children's Trust names them
        # ("Children, Young People and Families Plan 2018 -21"). No version table: "1.0".
        "title": "Halton Children's Trust Commissioning Framework",
        "partnership": "Halton",
        "period": "2018-21",
        "version": "1.0",
        "status": "approved",
        "owning_board": "Halton Children's Trust Board",
        # Inferred: the seed gives no review date, so the end of the 2018-21 period
        # (31 March 2021, end of the 2020/21 financial year) is used.
        "review_date": "2021-03-31",
        "priorities": [
            {
                # Seed: "0 – 5 Development" (summary box) / "0- 5 Development" (7.1).
                "title": "0-5 Development",
                "aim": (
                    "To maximise the development of every child in Halton to achieve their best "
                    "possible outcomes"
                ),
                "lead_board": "One Halton Child Development Group",
                "objectives": [
                    (
                        "We are committed to working together to deliver our vision “for every "
                        "child to be given the best start in life so that they are happy, healthy "
                        "and ready for learning”."
                    ),
                    (
                        "Enhancing school readiness, preventing accidents and increasing support "
                        "to parents is vital."
                    ),
                ],
                "actions": [
                    {
                        "title": (
                            "Improve maternal health services, enhance breastfeeding rates and "
                            "focus on perinatal mental health"
                        ),
                        "description": (
                            "Halton is working to improve maternal health services, enhance "
                            "breastfeeding rates and ensure that perinatal mental health is a "
                            "focus of activity."
                        ),
                        "objective": 0,
                        "owner": "Public Health Lead for Children",
                        "lead_organisation": "Public Health",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -296,
                        "due_days": 47,
                    },
                    {
                        "title": (
                            "Improve levels of early child development (One Halton Health and "
                            "Wellbeing Strategy 2017-2022 priority)"
                        ),
                        "description": (
                            "We are also working hard to improved levels of early child "
                            "development and this is one of the key priorities in the One Halton "
                            "Health and Wellbeing Strategy 2017-2022."
                        ),
                        "objective": 0,
                        "owner": "Divisional Manager, Early Years",
                        "lead_organisation": "HBC",
                        "stage": "plan",
                        "status": "in_progress",
                        "start_days": -45,
                        "due_days": 307,
                    },
                    {
                        "title": (
                            "Following an independent review of Early Years, establish a One "
                            "Halton Child Development Group"
                        ),
                        "description": (
                            "Following an independent review of Early Years a One Halton Child "
                            "Development Group was established."
                        ),
                        "objective": 1,
                        "owner": "Operational Director, Education, Inclusion and Provision",
                        "lead_organisation": "HBC",
                        "stage": "plan",
                        "status": "complete",
                        "start_days": -184,
                        "due_days": -71,
                    },
                    {
                        "title": (
                            "Develop a new Early Years Strategy and Action Plan and a guide to "
                            "parents on school readiness"
                        ),
                        "description": (
                            "This group developed a new Early Years Strategy and detailed Action "
                            "Plan and produce a guide to parents on school readiness."
                        ),
                        "objective": 1,
                        "owner": "Early Years Strategy Lead",
                        "lead_organisation": "HBC",
                        "stage": "plan",
                        "status": "complete",
                        "start_days": -393,
                        "due_days": -88,
                    },
                ],
                "indicators": [
                    {
                        "name": "Good level of development at age 5",
                        "definition": (
                            "Percentage of children achieving a good level of development at age 5 "
                            "(end of the Early Years Foundation Stage)."
                        ),
                        "unit": "percentage",
                        "polarity": "higher",
                        "target": None,
                        "source": "Early Years Foundation Stage Profile, DfE",
                        "values": [
                            {
                                "period_label": "2013",
                                "period_end": "2013-08-31",
                                "value": 37,
                                "comparator": "",
                                "comparator_value": None,
                                "note": "",
                            },
                            {
                                "period_label": "2017",
                                "period_end": "2017-08-31",
                                "value": 61,
                                "comparator": "England",
                                "comparator_value": 71,
                                "note": "Seed: gap 10% (national 71%).",
                            },
                        ],
                    },
                    {
                        "name": (
                            "Hospital admissions caused by unintentional and deliberate injuries "
                            "in children aged 0-4"
                        ),
                        "definition": (
                            "Hospital admissions due to injuries in children aged 0-4 years, per "
                            "10,000 children aged 0-4."
                        ),
                        "unit": "rate_per_10000",
                        "polarity": "lower",
                        "target": None,
                        "source": "Public Health Outcomes Framework, Public Health England",
                        "values": [
                            {
                                "period_label": "2016",
                                "period_end": "2016-12-31",
                                "value": 144,
                                "comparator": "England",
                                "comparator_value": 129.6,
                                "note": "",
                            },
                        ],
                    },
                ],
            },
            {
                "title": "Early Intervention (Early Help)",
                "aim": (
                    "Provide the right help for families as soon as need arises, to prevent needs "
                    "increasing and ensure redesign services to bring lasting change to the most "
                    "troubled families in Halton"
                ),
                "lead_board": "Halton Children's Trust Board",
                "objectives": [
                    (
                        "Working together as a strong partnership to deliver an effective local "
                        "offer of support"
                    ),
                    (
                        "Identifying the children, young people and families who need extra help "
                        "and support at the earliest opportunity."
                    ),
                    (
                        "Commitment to a ‘Think Family’ approach to the assessment of needs which "
                        "will have a positive impact upon all individuals within the whole family."
                    ),
                    (
                        "Listening to children, young people and families, and ensuring that the "
                        "voice of children, young people and families is evident throughout our "
                        "involvement."
                    ),
                    (
                        "Delivering a whole-family approach, ensuring that we use interventions "
                        "and approaches that we know make a difference and achieve good outcomes. "
                        "Make every contact count – through effective assessment processes and by "
                        "empowering professional’s to address recognised need of children, young "
                        "people and their families at the first opportunity."
                    ),
                    (
                        "Share information – in a timely way, avoiding the need for continuous or "
                        "repetitive assessment and ‘starting again’, understanding the whole "
                        "family’s needs, regardless of which individual service or setting they "
                        "come to."
                    ),
                    (
                        "Continuously improve – learning as we go along by monitoring, reviewing "
                        "and evaluating the way that we work, gaining a better understanding of "
                        "what helps families most, eliminating wasteful systems and bureaucracy "
                        "and focusing our resources on making a positive difference."
                    ),
                ],
                "actions": [
                    {
                        "title": (
                            "Early Help model phase one: an enhanced, integrated multi-agency "
                            "contact and referral team (iCART)"
                        ),
                        "description": (
                            "The development of Early Help model is a phased approach of which the "
                            "first phase has been completed in 2017 in the development of an "
                            "enhanced, integrated multi- agency contact and referral team, iCART, "
                            "resulting in one front door for children and families services no "
                            "matter what the level of need."
                        ),
                        "objective": 5,
                        "owner": "iCART Service Manager",
                        "lead_organisation": "HBC",
                        "stage": "do",
                        "status": "complete",
                        "start_days": -211,
                        "due_days": -14,
                    },
                    {
                        "title": (
                            "Early Help model phase two: re-establish two Early Help multi-agency "
                            "teams, in Widnes and Runcorn"
                        ),
                        "description": (
                            "The second phase will be to re-establish two Early Help multi-agency "
                            "teams one in Widnes and one in Runcorn these will deliver an "
                            "effective local offer of support as well as being the gateway to more "
                            "intensive interventions."
                        ),
                        "objective": 0,
                        "owner": "Divisional Manager, Early Help",
                        "lead_organisation": "HBC",
                        "stage": "do",
                        "status": "not_started",
                        "start_days": 84,
                        "due_days": 253,
                    },
                    {
                        "title": "Introduce and implement the Early Help model",
                        "description": (
                            "The introduction and implementation of the Early Help model will "
                            "enable partners to have a clear structure on the process and journey "
                            "for families."
                        ),
                        "objective": 0,
                        "owner": "Divisional Manager, Early Help",
                        "lead_organisation": "HBC",
                        "stage": "plan",
                        "status": "in_progress",
                        "start_days": -248,
                        "due_days": 268,
                    },
                    {
                        "title": (
                            "A more proactive, robust offer of universal plus services to 0 – 3 "
                            "year olds"
                        ),
                        "description": (
                            "There will be a focus on early help for 0-19 years with a focus on a "
                            "more proactive, robust offer of universal plus services to 0 – 3 year "
                            "olds through children’s centres and the healthy child programme, with "
                            "a particular focus on early language, communication and attachment."
                        ),
                        "objective": 1,
                        "owner": "Children's Centres Manager",
                        "lead_organisation": "HBC",
                        "stage": "plan",
                        "status": "complete",
                        "start_days": -317,
                        "due_days": -86,
                    },
                    {
                        "title": (
                            "Halton schools and nurseries: National Nurturing Schools programme "
                            "and Nurture Groups"
                        ),
                        "description": (
                            "Halton schools and nurseries have committed to the National Nurturing "
                            "Schools programme and the establishment of Nurture Groups, to enhance "
                            "teaching and learning and promote healthy outcomes for children and "
                            "young people by focusing on their emotional needs and development as "
                            "well as academic learning."
                        ),
                        "objective": 1,
                        "owner": "Nurturing Schools Programme Lead",
                        "lead_organisation": "Schools",
                        "stage": "do",
                        "status": "not_started",
                        "start_days": 67,
                        "due_days": 298,
                    },
                    {
                        "title": (
                            "Develop Nurture Groups offering intensive support for children with "
                            "more entrenched difficulties"
                        ),
                        "description": (
                            "The development of Nurture Groups will offer intensive support for "
                            "children and young people experiencing more entrenched difficulties "
                            "in the school environment."
                        ),
                        "objective": 1,
                        "owner": "Nurturing Schools Programme Lead",
                        "lead_organisation": "Schools",
                        "stage": "do",
                        "status": "complete",
                        "start_days": -361,
                        "due_days": -109,
                    },
                    {
                        "title": (
                            "Troubled Families programme (expanded until 2020): new ways of "
                            "working with families"
                        ),
                        "description": (
                            "The Troubled Families programme has been expanded until 2020. The "
                            "Focus is to develop new ways of working with families, which focus on "
                            "lasting change, recognising that these approaches are likely to incur "
                            "extra costs but that they will result in a shift in the way we work "
                            "with these families in the future – reducing costs and improving "
                            "outcomes."
                        ),
                        "objective": 2,
                        "owner": "Troubled Families Coordinator",
                        "lead_organisation": "HBC",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -327,
                        "due_days": 177,
                    },
                    {
                        "title": (
                            "Make clear links across the Local Authority and the CCG on gaps in "
                            "provision and duplication"
                        ),
                        "description": (
                            "The approach of this commissioning priority is to make clear links "
                            "across all areas of work within the Local Authority and the CCG, "
                            "particularly regarding gaps in provision and duplication of services."
                        ),
                        "objective": 6,
                        "owner": "Children's Commissioning Manager",
                        "lead_organisation": "NHS Halton CCG",
                        "stage": "analyse",
                        "status": "in_progress",
                        "start_days": -124,
                        "due_days": 360,
                    },
                ],
                "indicators": [
                    {
                        "name": "Children living in poverty",
                        "definition": "Percentage of children in Halton living in poverty.",
                        "unit": "percentage",
                        "polarity": "lower",
                        "target": None,
                        "source": "Children in low-income families, as quoted in the framework",
                        "values": [
                            {
                                "period_label": "Framework baseline",
                                "period_end": "2018-03-31",
                                "value": 25.9,
                                "comparator": "",
                                "comparator_value": None,
                                "note": (
                                    "Seed gives no year; recorded as the 2018-21 framework "
                                    "baseline."
                                ),
                            },
                        ],
                    },
                ],
            },
            {
                "title": "Risk Taking Behaviour",
                "aim": (
                    "To reduce the harm to young people caused by risk taking behaviour by helping "
                    "the to make positive decisions, preventing long term health problems and "
                    "reducing the need for them to access specialist services in their adult years"
                ),
                "lead_board": "Halton Children's Trust Board",
                "objectives": [
                    (
                        "Halton is working to increase young people’s awareness of the issues "
                        "surrounding risky behaviours and to ensure that they know where to "
                        "receive help, advice and support, thereby aiming to reduce the teenage "
                        "conception rate and the number of young people frequently using illicit "
                        "drugs, alcohol or volatile substances."
                    ),
                    (
                        "However key to success is translating the evidence into a whole system "
                        "approach, making teenage pregnancy and drug and alcohol misuse "
                        "everybody’s business."
                    ),
                ],
                "actions": [
                    {
                        "title": (
                            "Relationships and sex education, drug and alcohol advice and "
                            "welcoming health services for young people"
                        ),
                        "description": (
                            "Evidence shows that high quality relationships, sex education and "
                            "drug and alcohol advise along with providing welcoming health "
                            "services (in the right place, open at the right time) and friendly "
                            "non-judgmental staff, help young people to reduce risk taking "
                            "behaviour."
                        ),
                        "objective": 0,
                        "owner": "Public Health Lead for Children",
                        "lead_organisation": "Public Health",
                        "stage": "do",
                        "status": "complete",
                        "start_days": -218,
                        "due_days": -113,
                    },
                    {
                        "title": (
                            "Work in partnership across Cheshire on child sexual exploitation and "
                            "missing children"
                        ),
                        "description": (
                            "Halton’s Safeguarding Children Board worked in partnership across "
                            "Cheshire to address and improve the way we are tackling the areas of "
                            "child sexual exploitation and missing children."
                        ),
                        "objective": None,
                        "owner": "LSCB Business Manager",
                        "lead_organisation": "HBC",
                        "stage": "plan",
                        "status": "complete",
                        "start_days": -153,
                        "due_days": -17,
                    },
                    {
                        "title": (
                            "Halton has joint protocols and priorities to identify and manage risk "
                            "and to ensure a consistent approach"
                        ),
                        "description": (
                            "Halton has joint protocols and priorities to identify and manage risk "
                            "and to ensure a consistent approach."
                        ),
                        "objective": None,
                        "owner": "Safeguarding Unit Manager",
                        "lead_organisation": "HBC",
                        "stage": "review",
                        "status": "complete",
                        "start_days": -196,
                        "due_days": -104,
                    },
                    {
                        "title": (
                            "Joint collaboration across the four Cheshire Local Authorities on a "
                            "commissioned CSE and Missing service"
                        ),
                        "description": (
                            "Across the four Cheshire Local Authorities there is a joint "
                            "collaboration around a commissioned service for CSE and Missing."
                        ),
                        "objective": None,
                        "owner": "Commissioning Manager, Children and Families",
                        "lead_organisation": "HBC",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -250,
                        "due_days": -37,
                    },
                ],
                "indicators": [],
            },
            {
                "title": "Emotional Health and Mental Wellbeing",
                "aim": (
                    "To improve the emotional health and mental well-being for children, young "
                    "people and their families in Halton"
                ),
                "lead_board": "Halton Children's Trust Board",
                "objectives": [
                    "Promoting resilience, prevention and early intervention",
                    "Improving access to effective support – a system without tiers",
                    "Care for the most vulnerable",
                    "Accountability and transparency",
                    "Developing the workforce",
                ],
                "actions": [
                    {
                        "title": (
                            "Jointly review current children and young people’s emotional health "
                            "and well-being provision across the borough"
                        ),
                        "description": (
                            "The purpose of the commissioning priority is to jointly review the "
                            "current children and young people’s emotional health and well-being "
                            "provision across the borough to improve access and outcomes for "
                            "vulnerable children and young people."
                        ),
                        "objective": 1,
                        "owner": "Children's Mental Health Commissioning Manager",
                        "lead_organisation": "NHS Halton CCG",
                        "stage": "analyse",
                        "status": "in_progress",
                        "start_days": -320,
                        "due_days": 337,
                    },
                    {
                        "title": (
                            "Work with elected members to ensure improvements in emotional and "
                            "mental health and wellbeing are achieved"
                        ),
                        "description": (
                            "The Children’s Trust recognises the importance of emotional and "
                            "mental health and wellbeing and is working with the elected members "
                            "to ensure improvements are achieved."
                        ),
                        "objective": 3,
                        "owner": "Operational Director, Children and Families",
                        "lead_organisation": "HBC",
                        "stage": "review",
                        "status": "complete",
                        "start_days": -246,
                        "due_days": -129,
                    },
                    {
                        "title": (
                            "Make sure parents and carers get the help they need to support "
                            "children and young people"
                        ),
                        "description": (
                            "The Trust will make sure parents and carers get the help they need to "
                            "support children and young people through childhood and into adult "
                            "life."
                        ),
                        "objective": 0,
                        "owner": "Parenting Strategy Lead",
                        "lead_organisation": "HBC",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -219,
                        "due_days": -8,
                    },
                    {
                        "title": (
                            "Support GPs, midwives, health visitors, teachers and others to "
                            "understand emotional and mental health"
                        ),
                        "description": (
                            "We are supporting GPs, midwives, health visitors, teachers and other "
                            "people who work in schools and the community, to understand emotional "
                            "and mental health in children and young people, and know what to do "
                            "and where to go if they are worried about them."
                        ),
                        "objective": 4,
                        "owner": "CAMHS Workforce Development Lead",
                        "lead_organisation": "NHS Halton CCG",
                        "stage": "do",
                        "status": "complete",
                        "start_days": -245,
                        "due_days": 16,
                    },
                ],
                "indicators": [],
            },
            {
                # Section 7.5 heading: "Special Educational Needs (SEN) High Needs".
                "title": "SEND",
                "aim": (
                    "To improve outcomes for children and young people with SEND through working "
                    "with partners to identify, scope, prioritise, jointly commission, review and "
                    "evaluate SEND provision"
                ),
                "lead_board": "SEND Strategic Group",
                "objectives": [
                    (
                        "A Plan now integrates support for children, young people and their "
                        "families across education, health and social care."
                    ),
                    (
                        "Plans can be reviewed regularly to reflect changing needs will be clear "
                        "about who is responsible for provision and have a specific focus around "
                        "achievement of outcomes."
                    ),
                ],
                "actions": [
                    {
                        "title": (
                            "Agree a straightforward, single plan with children, young people and "
                            "families"
                        ),
                        "description": (
                            "Services are now encouraged to work more effectively, together with "
                            "children, young people and families, to agree a straightforward, "
                            "single plan that reflects aspirations and develops alongside the "
                            "young person on their pathway into adulthood."
                        ),
                        "objective": 0,
                        "owner": "SEN Assessment and Review Manager",
                        "lead_organisation": "HBC",
                        "stage": "do",
                        "status": "not_started",
                        "start_days": 47,
                        "due_days": 257,
                    },
                    {
                        "title": (
                            "Implement and sustain clear routes to the provider markets, including "
                            "Short Breaks for Disabled Young People"
                        ),
                        "description": (
                            "The commissioning team will work on local and a regional basis with "
                            "CCG colleagues and other local authorities, providing this meets "
                            "identified local needs, to implement and sustain clear routes to the "
                            "provider markets for a variety of services including Short Breaks for "
                            "Disabled Young People as well as support packages"
                        ),
                        "objective": None,
                        "owner": "Commissioning Manager, Children and Families",
                        "lead_organisation": "HBC",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -345,
                        "due_days": 177,
                    },
                    {
                        "title": (
                            "Develop assessments, contracts and provider quality assurance jointly "
                            "with the CCG and the SEN department"
                        ),
                        "description": (
                            "The commissioning team will work closely with colleagues from the CCG "
                            "and the SEN department to ensure that assessments, contracts and the "
                            "quality assurance of providers are developed jointly to ensure the "
                            "best outcomes are achieved with value for money being attained."
                        ),
                        "objective": 1,
                        "owner": "Designated Clinical Officer for SEND",
                        "lead_organisation": "NHS Halton CCG",
                        "stage": "review",
                        "status": "in_progress",
                        "start_days": -244,
                        "due_days": -37,
                    },
                ],
                "indicators": [],
            },
            {
                # Section 7.6 heading: "Children in Care (Looked After Children - LAC)".
                "title": "Children in Care",
                "aim": "To improve outcomes for children in care",
                "lead_board": "Halton Children's Trust Board",
                "objectives": [
                    (
                        "This priority will assist in informing future commissioning priorities as "
                        "well as looking to confirm co-ordination between services."
                    ),
                    (
                        "The priority will offer oversight into potential collaborative "
                        "commissioning approaches involving other neighbouring local authorities "
                        "or by regional and sub-regional commissioning processes covering "
                        "placements including Residential, Fostering and Leaving Care."
                    ),
                ],
                # Section 7.6 lists no actions: these are the seed's commissioned services for
                # children in care (section 6.1 council list; section 6.3 CCG community services).
                "actions": [
                    {
                        "title": "Sufficiency - Children in Care Provision",
                        "description": "Sufficiency - Children in Care Provision",
                        "objective": 1,
                        "owner": "Placements and Sufficiency Manager",
                        "lead_organisation": "HBC",
                        "stage": "plan",
                        "status": "in_progress",
                        "start_days": -379,
                        "due_days": 124,
                    },
                    {
                        "title": "Fostering Advice & Mediation",
                        "description": "Fostering Advice & Mediation",
                        "objective": 1,
                        "owner": "Fostering Service Manager",
                        "lead_organisation": "HBC",
                        "stage": "do",
                        "status": "in_progress",
                        "start_days": -332,
                        "due_days": 168,
                    },
                    {
                        "title": "Adoption Support",
                        "description": "Adoption Support",
                        "objective": 0,
                        "owner": "Adoption Support Manager",
                        "lead_organisation": "HBC",
                        "stage": "do",
                        "status": "complete",
                        "start_days": -246,
                        "due_days": -140,
                    },
                    {
                        "title": "Looked after children nursing service",
                        "description": "Looked after children nursing service",
                        "objective": 0,
                        "owner": "Designated Nurse for Looked After Children",
                        "lead_organisation": "NHS Halton CCG",
                        "stage": "review",
                        "status": "in_progress",
                        "start_days": -232,
                        "due_days": 58,
                    },
                ],
                "indicators": [],
            },
        ],
    },
]

PROGRESS_NARRATIVES = {
    "red": [
        (
            "Procurement paused: only one compliant bid received, so the tender will be "
            "re-advertised next quarter."
        ),
        (
            "Provider has not submitted the quarterly monitoring return; escalated to the contract "
            "manager and raised at the next board."
        ),
        (
            "Funding for the second year is not yet agreed between the council and the CCG; "
            "decision deferred to the next Trust meeting."
        ),
        (
            "Key post vacant since the spring; recruitment under way, but the milestone will be "
            "missed."
        ),
        (
            "Waiting times have risen for the second quarter in a row; recovery plan requested "
            "from the provider."
        ),
        (
            "Data sharing agreement still unsigned, so the dashboard cannot be populated; legal "
            "teams meeting this month."
        ),
    ],
    "amber": [
        "Draft specification shared with CCG colleagues; comments due by the end of the month.",
        (
            "Consultation with the Children in Care Council rescheduled to the half-term holiday; "
            "timeline slipped by four weeks."
        ),
        "Training delivered to two of three localities; the final cohort is booked for next term.",
        (
            "Market engagement event held with 14 providers; soft-market feedback suggests the "
            "budget may need revisiting."
        ),
        (
            "Pilot running in two areas; early findings positive, but the evaluation framework is "
            "not yet agreed."
        ),
        (
            "Referral pathway agreed in principle; awaiting sign-off from the Local Safeguarding "
            "Children Board."
        ),
    ],
    "green": [
        "Contract awarded and mobilisation meeting held; the new service starts on schedule.",
        "Quarterly performance report received: all KPIs met and parent feedback positive.",
        (
            "Young people co-produced the evaluation questions; findings reported to the board "
            "this term."
        ),
        "Joint funding agreed by the council and the CCG; section 75 agreement signed.",
        "All health visitors trained; the new assessment is now used at every contact.",
        (
            "Action complete: the guidance is published on the Local Offer and shared with schools "
            "and settings."
        ),
    ],
}
