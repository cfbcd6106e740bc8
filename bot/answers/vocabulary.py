"""The answerer's own words: topic cues with weights, body parts, other sports, small talk."""

from __future__ import annotations

from bot.answers.model import Topic


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Phrase -> weight, per topic. Phrases are matched on whole stemmed words, so "rep" also
# catches "reps" and "weighted" catches "weight". 3 = says the topic outright, 2 = usually
# means it, 1 = a hint that only counts when nothing stronger is said.
# Packed tables read better than one phrase per line.
# fmt: off
CUES: dict[Topic, dict[str, float]] = {
    Topic.OVERVIEW: {
        "what is it": 2, "what is a it": 2, "what is an it": 2, "what is the it": 2,
        "what are it": 2, "what is that": 1.5, "tell me about": 2.5, "tell me more": 2.5,
        "more about": 2, "more info": 2.5, "describe": 2.5, "explain": 1.5, "overview": 3,
        "summary": 3, "info": 2, "information": 2, "what kind of exercise": 2,
        "what exercise is": 2, "never heard of": 2.5, "know about": 1.5, "what do you know": 1.5,
        "what does it look like": 2, "what is this exercise": 2.5, "what is this": 1.5,
        "quick rundown": 3, "rundown": 2.5, "the gist": 2.5, "in a nutshell": 2.5, "equipment": 2.5,
        "what do i need for": 2.5, "need for": 1, "what gear": 2.5,
    },
    Topic.MUSCLES: {
        "muscle": 3, "involved": 2, "involve": 2, "recruit": 2, "used": 1, "primary": 2,
        "mover": 2.5, "prime mover": 3, "main muscle": 3.5, "muscle group": 3, "target": 2,
        "targets": 2, "hit": 2, "hits": 2, "work": 1, "works": 1.5, "what does this work": 3,
        "what does it work": 3, "activate": 2, "activation": 2, "engage": 1.5, "train": 1,
        "where should i feel": 4, "where do i feel": 3.5, "supposed to feel": 4,
        "should i feel": 3.5, "should feel": 3, "body part": 3, "good for my": 1.5, "focus": 0.5,
        "muscles worked": 3, "anatomy": 3, "emphasis": 1.5, "isolate": 2, "grow": 1,
        "strengthen": 2.5, "part of my body": 3, "body parts": 3, "what does it strengthen": 3,
        "build": 1, "tone": 1.5, "posterior chain": 2, "more glute or": 2.5,
        "what am i training": 3, "what am i working": 3, "what am i hitting": 3,
    },
    Topic.STEPS: {
        "how do i": 1, "where do i put": 1.5, "how to": 1, "how should i": 1, "how do you": 1,
        "how can i": 0.5, "instruction": 3, "step": 3, "steps": 3, "perform": 2, "do it": 0.5,
        "do this": 0.5, "set up": 3, "setup": 3, "position": 2, "technique": 2, "form": 1.5,
        "execute": 2.5, "walk me through": 3, "talk me through": 3, "take me through": 3,
        "run me through": 3, "guide": 2, "start": 1, "proper form": 2.5, "correctly": 1.5,
        "right way": 2.5, "correct way": 2.5, "proper way": 2.5, "way to do": 1.5, "properly": 1.5,
        "how is it done": 3, "how its done": 3, "do one": 1, "teach me": 2.5, "show me how": 3,
        "where do i put my": 1.5, "how far": 1.5, "how low": 1.5, "how high": 1, "breathe": 1.5,
        "breathing": 1.5, "where do my": 1.5, "bench height": 2, "how wide": 1.5, "which foot": 1.5,
        "go down": 1, "lower": 0.5,
    },
    Topic.WEIGHTED: {
        "weight": 2.5, "load": 2.5, "loaded": 3, "dumbbell": 3, "kettlebell": 3, "barbell": 3,
        "plate": 2.5, "resistance": 2.5, "add resistance": 3, "heavy": 2, "heavier": 2.5,
        "how much weight": 3.5, "make it harder": 1, "add weight": 3.5, "extra weight": 3,
        "weighted version": 3.5, "hold a": 1.5, "where does the": 1.5, "pad": 1.5,
        "external load": 3.5, "progressive overload": 2, "overload": 1.5, "kg": 2, "lbs": 2,
        "pound": 1.5, "kilo": 2, "bar": 1.5,
    },
    Topic.TIPS: {
        "tip": 3, "tips": 3, "cue": 3, "cues": 3, "advice": 2.5, "pointer": 3, "focus on": 2.5,
        "think about": 2.5, "remember": 2, "most important": 2.5, "important": 1.5,
        "key thing": 2.5, "how do i activate": 3.5, "how can i activate": 3.5,
        "activate my glute": 2.5, "should i keep": 2, "do i keep": 2, "what helps": 2,
        "key point": 3, "trick": 2.5, "hack": 2.5, "better": 1, "improve": 2, "get more out of": 3,
        "most out of": 3, "suggestion": 2.5, "form tip": 3.5, "what should i focus": 3,
        "keep in mind": 2.5, "secret": 2, "feel my glute more": 2.5, "how do i feel": 1.5,
        "mind muscle": 2.5, "squeeze": 1.5, "recommend": 1, "best way": 1.5, "pro tip": 3.5,
        "coach me": 2, "hips level": 1.5, "level hips": 1.5, "keep level": 1.5, "stay level": 1.5,
        "add a band": 2.5, "use a band": 2.5,
    },
    Topic.MISTAKES: {
        "mistake": 3, "mistakes": 3, "error": 3, "wrong": 2.5, "avoid": 2.5, "fault": 3,
        "not to do": 3, "get wrong": 3, "go wrong": 3, "not do": 2.5, "dont do": 2.5,
        "watch out": 2.5, "pitfall": 3, "bad form": 3, "careful": 1.5, "common problem": 3,
        "problem": 1.5, "mess up": 3, "screw up": 3, "doing it wrong": 3, "am i doing": 1.5,
        "what goes wrong": 3, "should not": 1.5, "shouldnt": 1.5, "things to avoid": 3.5,
        "form check": 2.5, "bad habit": 3, "is it bad": 2, "ok to": 1, "okay to": 1, "safe": 1,
        "normal": 1, "is it ok": 2, "is it okay": 2, "is that ok": 2, "is it normal": 1.5,
    },
    Topic.TROUBLESHOOT: {
        "feel it in": 3, "feel this in": 3, "feeling it in": 3, "felt it in": 3, "hurt": 3,
        "hurts": 3, "pain": 3.5, "painful": 3.5, "ache": 3, "aches": 3, "sore": 2.5, "cramp": 3.5,
        "cramping": 3.5, "burn": 2, "burning": 2.5, "tilt": 2.5, "tilts": 2.5, "drop": 1.5,
        "drops": 2, "twist": 2, "rotate": 2, "wobble": 3, "wobbly": 3, "shake": 2.5, "shaky": 2.5,
        "lose my balance": 3.5, "balance": 1.5, "cant feel": 3.5, "dont feel": 3.5,
        "not feeling": 3, "do not feel": 3.5, "instead of my": 3, "not my glute": 3.5, "pinch": 3,
        "sharp": 3, "injury": 3.5, "injured": 3.5, "tweak": 3, "strain": 3, "pulled": 2.5,
        "arch": 2, "arches": 2.5, "arching": 2.5, "cave": 3, "caves": 3, "collapse": 3, "fall": 1.5,
        "slip": 2.5, "numb": 3, "tingle": 3, "click": 2.5, "pop": 2.5, "bruise": 3, "dig": 2,
        "digs": 2.5, "overextend": 3, "sag": 2.5, "sags": 2.5, "uneven": 2.5, "lopsided": 3,
        "why do i feel": 3, "only feel": 3, "mostly feel": 3, "doing all the work": 3,
        "doing the work": 2.5, "taking over": 3, "take over": 2, "fix": 1.5, "what if": 1,
        "too fast": 2, "rush": 2.5, "too quick": 2, "cant keep my": 3, "wont stay": 3,
        "killing me": 3.5, "tipping": 3, "tip over": 3, "fall over": 3, "one side": 1.5,
        "killing": 2, "ouch": 3.5, "ow": 3, "doing everything": 3, "cant come back up": 3,
        "cant get up": 3, "uncomfortable": 2.5, "struggle": 1.5, "cant control": 3, "sticks out": 3,
        "stick out": 3, "stiff": 2,
    },
    Topic.VARIATIONS: {
        "variation": 3, "variations": 3, "version": 2, "variant": 3, "progression": 3,
        "regression": 3, "easier": 2.5, "harder": 1.5, "make it harder": 3, "make this harder": 3,
        "simpler": 2.5, "tougher": 2.5, "more challenging": 3, "less challenging": 3,
        "other ways": 2.5, "types of": 2.5, "kinds of": 2.5, "different ways": 3, "modify": 2.5,
        "modification": 2.5, "scale": 2, "scale it": 3, "change it up": 3, "mix it up": 3,
        "progress": 2, "level up": 2.5, "next step": 2, "too easy": 2.5, "too hard": 2,
        "cant do": 2.5, "not strong enough": 3, "build up to": 2.5, "work up to": 2.5, "regress": 3,
        "spice it up": 3, "other version": 3, "easier than": 2.5, "harder than": 2.5,
    },
    Topic.ALTERNATIVES: {
        "alternative": 3, "alternatives": 3, "instead": 2.5, "instead of": 2.5, "substitute": 3,
        "sub": 2, "swap": 3, "replace": 3, "replacement": 3, "similar": 3, "other exercise": 3,
        "something else": 3, "what else": 2, "like this": 1.5, "no bench": 3,
        "dont have a bench": 3.5, "without a bench": 3.5, "without equipment": 2.5, "at home": 2,
        "exercises like": 3, "other option": 2.5, "options": 1.5, "in place of": 3,
        "comparable": 2.5, "equivalent": 2.5, "dont have": 1.5, "machine is taken": 3, "taken": 1,
        "cant do this": 1.5, "besides": 2, "apart from": 2,
    },
    Topic.BENEFITS: {
        "benefit": 3, "benefits": 3, "why": 1, "why should": 2.5, "advantage": 3, "good for": 2.5,
        "point of": 3, "whats the point": 3, "worth": 2.5, "worth it": 3, "pros": 3, "purpose": 3,
        "why do": 1, "why bother": 3, "what does it do for": 3, "what will it do": 2.5,
        "help with": 2, "helps with": 2, "useful": 2.5, "value": 2, "effective": 2, "why train": 2,
        "why do this": 2.5, "reason": 2, "results": 2, "gain": 1.5, "is it good": 2,
        "is this good": 2, "do for me": 2.5, "good about": 2.5, "so good": 2, "does it help": 2,
        "does this help": 2, "help me": 1, "good": 1, "why is": 1.5, "imbalance": 3,
        "imbalances": 3, "weaker side": 3, "weak side": 3, "side is weaker": 3,
        "stronger side": 2.5, "left right": 2,
    },
    Topic.LEVEL: {
        "level": 3, "beginner": 2.5, "beginners": 2.5, "for beginners": 3, "novice": 3, "newbie": 3,
        "new to": 2, "advanced": 2.5, "intermediate": 2.5, "difficulty": 3, "difficult": 2.5,
        "hard": 1.5, "easy": 1.5, "am i ready": 3, "ready for": 2, "is it hard": 3,
        "is this hard": 3, "how hard": 3, "how difficult": 3, "suitable": 2.5,
        "can a beginner": 3.5, "experienced": 2, "first time": 2, "just starting": 2.5,
        "complicated": 2, "tricky": 2, "challenging": 1.5, "tough": 1.5, "how tough": 3,
        "friendly": 1, "beginner friendly": 3.5, "for me": 0.5, "skill": 1.5, "prerequisite": 2.5,
        "too advanced": 3, "difficulty level": 3.5, "first timer": 3,
    },
    Topic.PROGRAMMING: {
        "rep": 2, "set": 1.5, "sets and reps": 3.5, "how many": 2, "how often": 3, "tempo": 3,
        "frequency": 3, "per week": 3, "a week": 2.5, "times a week": 3.5, "rest": 2,
        "rest between": 3, "before": 1.5, "come before": 2.5, "first": 1, "rep scheme": 3.5,
        "scheme": 2, "program": 3, "programme": 3, "programming": 3, "routine": 2.5, "workout": 2,
        "training": 1, "session": 2, "where should this go": 3.5, "where does this go": 3.5,
        "when should i do": 3, "when do i do": 3, "order": 2, "before or after": 3,
        "first or last": 3, "at the start": 2, "at the end": 2, "volume": 3, "rep range": 3.5,
        "how slow": 2.5, "how fast": 2, "speed": 2, "pause": 1, "schedule": 3, "split": 2,
        "leg day": 2.5, "warm up": 1.5, "superset": 3, "every day": 3, "daily": 2.5, "how long": 2,
        "how much": 0.5, "seconds": 1.5, "each side": 1, "per side": 1.5, "each leg": 1,
        "per leg": 1.5, "count": 1,
        # When in a set something happens, not how many sets: these shadow "set" at no weight.
        "mid set": 0, "during the set": 0, "during a set": 0, "during my set": 0,
        "middle of the set": 0, "end of the set": 0, "end of my set": 0,
    },
    Topic.NONE: {
        "lose weight": 4, "weight loss": 4, "lose fat": 4, "burn fat": 4, "fat loss": 4,
        "calories": 3, "what year": 4, "what day": 3, "order me": 4, "book me": 4,
        "about yourself": 5, "about you": 4, "who are you": 4, "your name": 4, "set a timer": 4,
        "remind me": 3, "alarm": 3,
    },
    Topic.COMPARE: {
        "vs": 4, "difference": 4, "differ": 4, "different from": 4, "compare": 4, "comparison": 4,
        "compared": 4, "better than": 4, "worse than": 4, "same as": 3, "or": 0.5,
        "which is better": 4, "whats better": 3.5, "which one": 2, "better for": 1, "than": 1.5,
        "versus": 4, "easier than": 4, "harder than": 4, "more than": 1.5, "like the": 0.5,
    },
}

# Exercises this coach does not know; naming one means "I don't have that" (not a guess).
OTHER_EXERCISES: dict[str, str] = {
    "squat": "squats", "squats": "squats", "deadlift": "deadlifts", "deadlifts": "deadlifts",
    "rdl": "Romanian deadlifts", "rdls": "Romanian deadlifts", "romanian": "Romanian deadlifts",
    "bench press": "the bench press", "leg press": "the leg press", "lunge": "lunges",
    "lunges": "lunges", "push up": "push-ups", "pushup": "push-ups", "pushups": "push-ups",
    "push ups": "push-ups", "pull up": "pull-ups", "pullup": "pull-ups", "pullups": "pull-ups",
    "pull ups": "pull-ups", "chin up": "chin-ups", "chinup": "chin-ups", "plank": "planks",
    "planks": "planks", "bicep curl": "curls", "biceps curl": "curls", "leg curl": "leg curls",
    "hamstring curl": "hamstring curls", "nordic": "Nordic curls", "nordics": "Nordic curls",
    "calf raise": "calf raises", "calf raises": "calf raises", "lateral raise": "lateral raises",
    "step up": "step-ups", "step ups": "step-ups", "stepup": "step-ups",
    "good morning": "good mornings", "good mornings": "good mornings", "kickback": "kickbacks",
    "kickbacks": "kickbacks", "crunch": "crunches", "crunches": "crunches", "situp": "sit-ups",
    "sit up": "sit-ups", "sit ups": "sit-ups", "burpee": "burpees", "burpees": "burpees",
    "clamshell": "clamshells", "clamshells": "clamshells", "clam shell": "clamshells",
    "bulgarian": "Bulgarian split squats", "split squat": "split squats",
    "overhead press": "the overhead press", "shoulder press": "the shoulder press",
    "military press": "the military press", "barbell row": "rows", "bent over row": "rows",
    "cable row": "rows", "lat pulldown": "lat pulldowns", "pulldown": "pulldowns",
    "leg extension": "leg extensions", "snatch": "snatches", "clean and jerk": "the clean and jerk",
    "kettlebell swing": "kettlebell swings", "swings": "kettlebell swings",
    "donkey kick": "donkey kicks", "donkey kicks": "donkey kicks", "fire hydrant": "fire hydrants",
    "fire hydrants": "fire hydrants", "jumping jack": "jumping jacks", "yoga": "yoga",
    "pilates": "pilates", "cardio": "cardio", "abduction": "abductions", "adduction": "adductions",
    "cable pull through": "cable pull-throughs", "pull through": "pull-throughs",
    "frog pump": "frog pumps", "frog pumps": "frog pumps", "pistol": "pistol squats",
    "skater squat": "skater squats", "back extension": "back extensions",
    "hyperextension": "back extensions", "sumo": "sumo deadlifts", "hack squat": "hack squats",
    "bench dip": "bench dips", "bench dips": "bench dips", "tricep dips": "dips",
    "triceps dips": "dips", "goblet": "goblet squats", "face pull": "face pulls",
    "shrug": "shrugs", "shrugs": "shrugs",
}
# fmt: on

# Words that mean the question is about something else entirely; they veto weak cues.
OFF_TOPIC = _words(
    """
    food eat eating diet dieting calorie calories protein meal meals sleep sleeping nutrition
    supplement supplements creatine vitamin vitamins alcohol drunk hangover weekend holiday
    vacation birthday party wedding money salary job boss school exam exams math maths
    basketball beer bitcoin boyfriend breakfast burger cake capital car cars cat cats chess code
    coffee cook cooking country crypto date dating dinner dog dogs election essay film films
    flight flights football forecast funny game games girlfriend homework horoscope hotel hotels
    javascript joke jokes life love lunch lyrics meaning movie movies music netflix news pasta
    pizza playlist poem poems poetry president programming_language python rain raining recipe
    recipes restaurant restaurants sing snow soccer song songs stock stocks stories story sunny
    sushi taxi tea tennis translate translation uber universe weather wine zodiac running jogging
    marathon swimming cycling preworkout pre
    """
)

# Off-topic words that may only set the scene for a question about these exercises ("how
# many glute sessions a week with running", "no bench at the hotel gym"): they veto only when
# the question asks no coaching fact about an exercise here.
SCENE = _words(
    """
    running jogging marathon swimming cycling hotel hotels football soccer basketball tennis
    holiday vacation
    """
)

# Training another body part ("a chest and arms split", "back day") is another coach's job.
OTHER_BODY_PARTS = _words("chest pecs pec bicep biceps tricep triceps arms delts lats traps")
PLAN_WORDS = _words("split day routine program programme workout plan week")
# Asking for a lift for one of those parts ("best exercise for biceps", "how do I grow my
# chest"); "arms" stays out: "where do my arms go" is a set-up question here.
LIFT_WANTED = _words("exercise exercises best move moves grow growing build building bigger train")
WORKED_ELSEWHERE = OTHER_BODY_PARTS - {"arms"}

# Body words people use for muscles, mapped to words that appear in the content's muscle names.
MUSCLE_WORDS: dict[str, tuple[str, ...]] = {
    "glute": ("gluteus", "glute"),
    "gluteus": ("gluteus",),
    "maximus": ("maximus",),
    "medius": ("medius",),
    "minimus": ("minimus",),
    "hamstring": ("hamstrings",),
    "quad": ("quadriceps",),
    "thigh": ("quadriceps", "hamstrings"),
    "abs": ("abdominis", "abdominals"),
    "core": ("abdominis", "abdominals", "obliques"),
    "stomach": ("abdominis", "abdominals"),
    "oblique": ("obliques",),
    "back": ("back",),
    "spine": ("back",),
    "erector": ("back",),
    "calf": ("calves", "gastrocnemius"),
    "calv": ("calves", "gastrocnemius"),
    "gastrocnemius": ("gastrocnemius",),
    "adductor": ("adductor",),
    "hip flexor": ("flexor",),
    "lat": ("lats",),
    "chest": ("chest",),
    "shoulder": ("shoulder",),
    "bicep": ("biceps",),
    "tricep": ("triceps",),
    "groin": ("adductor",),
}

# Words that point back at the exercise in hand.
PRONOUNS = _words("exercise it lift move movement one that them these this those")

# Small talk and everyday words: the typo repair leaves them alone, and an exercise name
# made of them ("single leg") only counts in a longer phrase.
COMMON = _words(
    """
    easiest hardest toughest simplest
    timer timers alarm reminder reminders remind clock
    important main key most least thing stuff question questions talk speak run take
    everything everyone everybody someone somebody anyone nothing nobody somewhere everywhere
    super mega crazy insanely extremely lowkey highkey proper proper real quite bloody dead
    actually basically literally probably maybe definitely totally usually normally honestly
    seriously kinda sorta gonna wanna gotta lemme gimme ya yep yup nah uh um ah oh oops wow
    awesome sweet perfect worse worst better weird strange hard easy able unable stuck lost
    confused tired weak strong stronger weaker fast slow slowly quickly long short high low
    higher lower tall small bigger huge tiny heavy light another beside beyond certain coming
    come came went gone put putting set setting made making makes look looks looking looked
    watch watching watched seen saw video videos picture photo hand hands elbow elbows wrist
    fingers chin face eyes mouth rib ribs belly waist work working works worked workout
    exercise exercises exercising train training trained stuff part parts piece ways sort type
    types rest break person people guy girl man woman friend trainer instructor physio doctor
    start started starting finish finished finishing stop stopped stopping end ended tight
    tightness loose stiff weakness rep reps set sets round rounds third previous three four
    five six seven eight nine ten dozen days month months year years yesterday tonight
    understand explain means meant told said asked answered tried helps helped wants needs
    needed knew although perhaps instead single double straight whole half entire every each
    start properly correct correctly wrong fix fixed normal regular usual real real proper
    year old young age ago soon late early again already always never sometimes often rarely
    place places thing things idea ideas reason reasons kind kinds way number numbers lot
    involve involved include including use uses useful big small enough too also very much
    find found keep keeps kept turn turned open close closed happen happens happened stay
    stays stayed become became feel fall falls fell lean leaning bend bending bent straighten
    tip tipping tipped over under above below behind front forward backward backwards inward
    inwards outward outwards sideways together apart level flat steady stable unstable
    a about above actually after again against all almost alright also am an and answer any
    anything anyway are aren arm arms around as ask asking at away back bad be because been
    before being below bench best between big bit body bodyweight bot both bottom bro but butt
    by can cant cheers chest coach cool could couldnt day did didnt do does doesnt doing done
    dont down dude during each either else enough even evening ever every exactly feel feeling
    feels felt fine first floor foot for from full get gets getting give glute glutes go goes
    going good got great guess guys gym had haha has have having he head heel heels hello help
    her here hey hi him hip hips his hmm hold holding home hour hours how however i id if ill im
    in into is isnt it its ive jump just keep kind knee knees know last later lay least left leg
    legs less let lie lift lifted lifting lifts like little lol lot lots lying make many mate
    may me mean might mine minute minutes more morning most move moving much must my myself neck
    need never new next nice night no nope not now of off often ok okay on once one only or
    other our out over own please pretty pull push pushing question quick quite raise raised
    rather really right run same say second seconds see seem should shoulder shoulders show side
    sides since sit so some something sometimes sore stand still stretch stretching such sure
    take tell than thank thanks that the their them then there these they thing things think
    this those though through thx time to today toe toes tomorrow too top true trust try trying
    two ty under until up us use used using very walk want wanted warm was way we week weeks
    well were what when where whether which while who why will with without wonder would yeah
    yes yet you your yours
    """
)

# Parts of the body a user reports on or asks where to put.
BODY_PARTS = _words(
    """
    abs arm arms back bum butt calf calves chin core elbow elbows feet foot glute glutes hams
    hamstring hamstrings hand hands head heel heels hip hips knee kneecap kneecaps knees leg
    legs lower neck pelvis quad quads rib ribs shin shins shoulder shoulders side spine thigh
    thighs toe toes
    """
)

GREETINGS = _words("cheers evening hello hey hi hiya morning thank thanks thx ty yo")
