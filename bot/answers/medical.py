"""Medical questions: a condition, surgery, pregnancy, an injury, or sharp or lasting pain."""

from __future__ import annotations

from enum import StrEnum

from bot.answers.exercises import phrase_tokens


class Medical(StrEnum):
    PREGNANCY = "pregnancy"
    SURGERY = "surgery"
    CONDITION = "condition"
    INJURY = "injury"
    PAIN = "pain"
    PELVIC = "pelvic"


def _terms(text: str) -> frozenset[tuple[str, ...]]:
    return frozenset(phrase_tokens(p) for p in text.split(","))


# Phrases on stemmed words; each names a kind of medical question, not a training one.
_TERMS: dict[Medical, frozenset[tuple[str, ...]]] = {
    Medical.PREGNANCY: _terms(
        "pregnant,pregnancy,preggo,preggers,pregnent,pregant,postpartum,post partum,postnatal,"
        "prenatal,antenatal,c section,"
        "csection,caesarean,cesarean,trimester,gave birth,giving birth,"
        "breastfeeding,expecting a baby,having a baby,had a baby"
    ),
    # Leaking, a prolapse or split abs: a pelvic floor physio's question, pregnant or not.
    Medical.PELVIC: _terms(
        "pelvic floor,prolapse,diastasis,ab separation,abs separation,abdominal separation,"
        "separated abs,leak,leaking,leaks,leaked,pee myself,peed myself,wet myself,incontinence,"
        "incontinent,bladder"
    ),
    Medical.SURGERY: _terms(
        "surgery,surgeries,operation,operated,knee replacement,hip replacement,joint replacement,"
        "replacement surgery,new hip,new knee,reconstruction,arthroscopy,keyhole,"
        "post op,stitches,scar,implant,fusion"
    ),
    Medical.CONDITION: _terms(
        "herniated,herniation,disc,discs,slipped disc,bulging disc,disc bulge,disc problem,"
        "sciatica,"
        "arthritis,osteoarthritis,rheumatoid,scoliosis,osteoporosis,osteopenia,stenosis,"
        "spondylolisthesis,spondylosis,hernia,hypertension,high blood pressure,blood pressure,"
        "heart condition,heart problem,tendinitis,tendonitis,tendinopathy,bursitis,fibromyalgia,"
        "impingement,labral,labrum,pinched nerve,trapped nerve,nerve,si joint,sacroiliac,"
        "hypermobility,hypermobile,ehlers danlos,diabetes,condition,chronic,epilepsy,"
        "endometriosis,piriformis,plantar fasciitis,patellofemoral,chondromalacia,meniscus"
    ),
    Medical.INJURY: _terms(
        "injury,injured,injure,tore,torn,tear,sprain,sprained,fracture,fractured,broke my,"
        "broken,dislocated,dislocation,pulled a muscle,pulled my hamstring,pulled my groin,"
        "pulled my back,pulled my glute,strained,strain my,ruptured,rupture,"
        "acl,mcl,concussion,whiplash,physio said,doctor said,rehab,recovering from"
    ),
}
_PAIN_WORDS = frozenset(
    phrase_tokens(
        "pain painful pains hurt hurts hurting ache aches aching achy agony ouch tender throbbing"
    )
)
# Nerve signs are a clinician's question even when nothing hurts ("numb tingly foot").
_NERVE = frozenset(phrase_tokens("numb numbness tingle tingling tingly tingles"))
# "Sharp" or "shooting" describes pain even without the word ("a sharp pinching").
_SHARP = frozenset(phrase_tokens("sharp stabbing shooting"))
# "not pain, just pressure", "it doesn't hurt": a denied pain is no pain.
_DENIED = frozenset(phrase_tokens("not no doesnt dont isnt without never"))
# Kit pressing on the body ("the bar hurts my hip bones") is a padding or set-up fix.
_KIT = frozenset(phrase_tokens("bar barbell pad pads padding plate dumbbell kettlebell band bench"))
# What turns pain into a question for a clinician: it is sharp, nerve-like, or it lasts.
_SERIOUS = _terms(
    "sharp,stabbing,shooting,numb,numbness,tingling,tingle,pins and needles,swollen,swelling,"
    "bruised,weeks,months,days,for a week,since,still hurts,still hurt,wont go away,keeps hurting,"
    "every time,always hurts,getting worse,worse and worse,radiating,down my leg,electric,"
    "pop,popped,clicking and pain,cant walk,cant put weight,limping"
)
WORDS = frozenset(t for terms in (*_TERMS.values(), _SERIOUS) for p in terms for t in p)


def _by_first(phrases: frozenset[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        out.setdefault(phrase[0], []).append(phrase)
    return out


# Phrases by their first word: a question is only checked against phrases it could start.
_FIRST = {id(terms): _by_first(terms) for terms in (*_TERMS.values(), _SERIOUS)}


def _has(toks: list[str], phrases: frozenset[tuple[str, ...]]) -> bool:
    first = _FIRST[id(phrases)]
    for i, tok in enumerate(toks):
        for phrase in first.get(tok, ()):
            if tuple(toks[i : i + len(phrase)]) == phrase:
                return True
    return False


def classify(toks: list[str], exercise_known: bool) -> Medical | None:
    """The kind of medical question, or None for a training one.

    Pain is medical (stop, and see a doctor or physio if it is sharp or lasts), and so are
    numbness and tingling; only kit pressing on the body ("the bar hurts my hips") with nothing
    sharp or lasting is a set-up question.
    """
    for kind in (
        Medical.PELVIC,
        Medical.PREGNANCY,
        Medical.SURGERY,
        Medical.CONDITION,
        Medical.INJURY,
    ):
        if _has(toks, _TERMS[kind]):
            return kind
    in_pain = any(
        t in _PAIN_WORDS and not set(toks[max(0, i - 2) : i]) & _DENIED for i, t in enumerate(toks)
    )
    serious = _has(toks, _SERIOUS)
    sharp = any(
        t in _SHARP and not set(toks[max(0, i - 2) : i]) & _DENIED for i, t in enumerate(toks)
    )
    if set(toks) & _NERVE or sharp:
        return Medical.PAIN
    # Pain in a joint or a muscle during a set: stop and get it looked at, not a form list.
    # Only kit pressing on the body, and nothing worse, stays a set-up fix.
    if in_pain and (serious or not exercise_known or not set(toks) & _KIT):
        return Medical.PAIN
    return None


_WHO = {
    Medical.PREGNANCY: "your doctor or midwife",
    Medical.SURGERY: "your surgeon or physio",
    Medical.PELVIC: "a doctor or a pelvic floor physio",
}
_OPENING = {
    Medical.PREGNANCY: "That's one to check with {who} first: they know your pregnancy and what's "
    "safe for you right now; I don't.",
    Medical.SURGERY: "After surgery, {who} decides when and how you train again, so please ask "
    "them before you do this.",
    Medical.CONDITION: "Sorry to hear that. With a condition like that, please ask {who} what's "
    "safe for you before you train it: they know your case; I don't.",
    Medical.INJURY: "Sorry to hear that. Let {who} check the injury and tell you when you can "
    "load it again, before you train it.",
    Medical.PELVIC: "That's one to get checked by {who} before you keep loading it: they can "
    "assess it and tell you what's safe to train; I can't.",
    Medical.PAIN: "Stop the set: pain is a stop sign. If it's sharp, or it lasts or comes back, "
    "see {who} before you train it again.",
}
DISCLAIMER = "I'm a training coach, not medical advice."


def referral(kind: Medical) -> str:
    """A short, kind referral with "stop if it hurts" and one disclaimer: never a go-ahead."""
    who = _WHO.get(kind, "a doctor or physio")
    lines = [_OPENING[kind].format(who=who)]
    if kind is not Medical.PAIN:
        lines.append("Whatever you do, stop if anything hurts.")
    lines.append(DISCLAIMER)
    return "\n".join(lines)
