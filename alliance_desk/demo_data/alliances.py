"""The seven demo alliances: who the partner is, why the alliance exists, where it stands."""

from typing import NamedTuple

US = "Talvora Pharma"


class AllianceSpec(NamedTuple):
    key: str
    name: str
    partner: str
    alliance_type: str
    business_area: str
    importance: str
    status: str
    purpose: str
    value_proposition: str
    started_months_ago: int
    renewal_in_days: int
    revenue_share: float
    alternative_partners: int
    our_lead: str
    partner_lead: str
    notes: str
    # (stage, months ago, note) after the first stage, oldest first
    stages: tuple[tuple[str, int, str], ...]


ALLIANCES = [
    AllianceSpec(
        key="corvane",
        name="Corvane CV-214 co-development",
        partner="Corvane Therapeutics",
        alliance_type="co_development",
        business_area="Oncology: lung cancer",
        importance="critical",
        status="active",
        purpose=(
            "Take CV-214, Corvane's oral targeted therapy, through Phase 2 in second-line lung "
            "cancer and be ready to start a registrational trial next year."
        ),
        value_proposition=(
            "Corvane brings the molecule and its translational science; Talvora brings clinical "
            "operations in fourteen countries, regulatory experience and the commercial reach a "
            "small biotech lacks. Development costs are shared 60/40 (Talvora/Corvane), profits "
            "50/50 in the US and Europe."
        ),
        started_months_ago=30,
        renewal_in_days=240,
        revenue_share=0.0,
        alternative_partners=2,
        our_lead="Maren Lindqvist",
        partner_lead="Mei Tanaka",
        notes=(
            "Relationship under strain since Corvane's new CMO questioned our dose strategy and "
            "the European sites slipped. The renewal date is the Phase 3 opt-in deadline in the "
            "contract, not a renewal as such."
        ),
        stages=(
            ("governance", 27, "Contract signed; JSC charter agreed at the kick-off."),
            ("execution", 22, "Phase 2 protocol approved; first sites in the US opened."),
        ),
    ),
    AllianceSpec(
        key="quillon",
        name="Quillon psoriasis co-commercialisation",
        partner="Quillon Biologics",
        alliance_type="co_commercialisation",
        business_area="Immunology: dermatology",
        importance="high",
        status="active",
        purpose=(
            "Co-promote Quillon's psoriasis biologic QL-301 in Germany, France and Italy with one "
            "joint field force plan and shared medical education."
        ),
        value_proposition=(
            "Quillon has the product and dermatology know-how but no European sales force; "
            "Talvora's immunology teams cover the hospital and office dermatologists. Talvora "
            "books 35 % of net sales in its territories and pays a tiered royalty above target."
        ),
        started_months_ago=54,
        renewal_in_days=420,
        revenue_share=18.0,
        alternative_partners=3,
        our_lead="Daniel Kowalski",
        partner_lead="Felix Grünewald",
        notes=(
            "Steady and trusted. The year-five health assessment is under way; Quillon has "
            "floated adding Spain, so the growth readiness checklist is open."
        ),
        stages=(
            ("governance", 50, "Joint commercial committee and brand team set up."),
            ("execution", 46, "Launch in Germany; France and Italy followed within six months."),
            ("evaluation", 4, "Year-five health assessment started ahead of the term review."),
        ),
    ),
    AllianceSpec(
        key="lumisca",
        name="Lumisca adherence app integration",
        partner="Lumisca Digital",
        alliance_type="technology_integration",
        business_area="Patient services: digital health",
        importance="medium",
        status="active",
        purpose=(
            "Offer Talvora's patient support programme inside Lumisca's medication adherence app, "
            "so patients on our biologics get reminders, nurse calls and refill help in one place."
        ),
        value_proposition=(
            "Lumisca gains a pharma-grade support programme for its users; Talvora reaches "
            "patients in an app they already use, instead of building its own. Talvora pays a "
            "platform fee per enrolled patient and a share of the integration costs."
        ),
        started_months_ago=16,
        renewal_in_days=560,
        revenue_share=3.0,
        alternative_partners=4,
        our_lead="Daniel Kowalski",
        partner_lead="Hana Novak",
        notes=(
            "Release 2 slipped twice, which dented communication scores for two quarters; the "
            "weekly release call agreed at the health review brought them back."
        ),
        stages=(
            ("governance", 13, "Data-sharing agreement and release governance agreed."),
            ("execution", 9, "Release 1 live in Germany."),
        ),
    ),
    AllianceSpec(
        key="vendrix",
        name="Vendrix Nordic distribution",
        partner="Vendrix Medical Distribution",
        alliance_type="distribution",
        business_area="Specialty care: Nordic countries",
        importance="medium",
        status="active",
        purpose=(
            "Distribute Talvora's specialty products to hospitals and pharmacies in Sweden, "
            "Denmark, Norway and Finland, including cold-chain storage and tender support."
        ),
        value_proposition=(
            "Vendrix runs the warehouses, cold chain and hospital tender administration that "
            "would not pay for themselves at Talvora's Nordic volumes; Talvora keeps marketing "
            "and medical. Vendrix earns a fixed margin on net sales."
        ),
        started_months_ago=84,
        renewal_in_days=150,
        revenue_share=62.0,
        alternative_partners=1,
        our_lead="Daniel Kowalski",
        partner_lead="Kaisa Virtanen",
        notes=(
            "Contract ends in five months; notice must be given 90 days before. Vendrix carries "
            "most of our Nordic revenue and only one other distributor could take over."
        ),
        stages=(
            ("governance", 82, "Service level agreement signed."),
            ("execution", 80, "First shipments from the Stockholm warehouse."),
            ("evaluation", 14, "Health assessment ahead of the contract's final year."),
            ("renewal_exit", 2, "Renewal review opened: renew, restructure or change distributor."),
        ),
    ),
    AllianceSpec(
        key="orrinth",
        name="Orrinth companion test co-marketing",
        partner="Orrinth Diagnostics",
        alliance_type="co_marketing",
        business_area="Oncology: diagnostics",
        importance="high",
        status="active",
        purpose=(
            "Make Orrinth's tumour mutation test available and reimbursed wherever Talvora's lung "
            "cancer medicine TLV-118 is prescribed, and market the two together to oncologists."
        ),
        value_proposition=(
            "Patients can only receive TLV-118 after a positive test: more testing means more "
            "eligible patients for us and more tests sold for Orrinth. Marketing costs are shared "
            "50/50; each side keeps its own revenue."
        ),
        started_months_ago=8,
        renewal_in_days=1100,
        revenue_share=5.0,
        alternative_partners=2,
        our_lead="Daniel Kowalski",
        partner_lead="Tobias Frank",
        notes="Young alliance, trust building well. Monthly pulse while governance settles.",
        stages=(("governance", 3, "Co-marketing agreement signed; joint committee set up."),),
    ),
    AllianceSpec(
        key="sabellic",
        name="Sabellic biosimilar in-licensing",
        partner="Sabellic Pharma",
        alliance_type="licensing",
        business_area="Biosimilars",
        importance="medium",
        status="on_hold",
        purpose=(
            "In-license European rights to Sabellic's adalimumab biosimilar to enter the "
            "biosimilar market without building our own development capability."
        ),
        value_proposition=(
            "Sabellic has an approved product and no sales force in Europe; Talvora has hospital "
            "access and tender experience. Proposed terms: upfront, sales milestones and a "
            "supply price with a profit share."
        ),
        started_months_ago=4,
        renewal_in_days=300,
        revenue_share=0.0,
        alternative_partners=3,
        our_lead="Maren Lindqvist",
        partner_lead="Leonie Maier",
        notes=(
            "Term sheet talks paused five weeks ago when Sabellic's CEO left; the interim CEO has "
            "asked for time. Due diligence findings so far are clean."
        ),
        stages=(),
    ),
    AllianceSpec(
        key="astrelle",
        name="Vantiga vaccines joint venture",
        partner="Astrelle Health",
        alliance_type="joint_venture",
        business_area="Vaccines: respiratory",
        importance="critical",
        status="active",
        purpose=(
            "Run Vantiga Vaccines, our 50/50 joint venture with Astrelle, to develop and make "
            "respiratory vaccines for Europe from the shared plant in Leipzig."
        ),
        value_proposition=(
            "Astrelle brings its adjuvant platform and vaccine research; Talvora brings "
            "late-stage development, regulatory and commercial. Both fund the JV equally and "
            "share its profits; the plant serves both parents' contract manufacturing."
        ),
        started_months_ago=62,
        renewal_in_days=700,
        revenue_share=35.0,
        alternative_partners=1,
        our_lead="Maren Lindqvist",
        partner_lead="Dr. Ivo Brandt",
        notes=(
            "Commercially strong; the research teams on both sides feel the JV board favours "
            "near-term products over the next-generation programme."
        ),
        stages=(
            ("governance", 58, "JV incorporated; board and JSC constituted."),
            ("execution", 55, "Leipzig plant transferred to the JV."),
            ("evaluation", 5, "Half-yearly health assessment cycle started with the JV board."),
        ),
    ),
]
