"""Relations between entities from sentence structure: trigger verbs and nouns with the mentions around
them (active and passive voice, "according to", appositions, possessives, "X-based", "X-led").

Every relation carries the sentence as evidence, a confidence per rule and the date the sentence gives
(the date nearest to the trigger). Subject and object types are checked against the ontology.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hrkg.ingest.attribution import OTHER_SUBJECT, SPEAKER_GAP, sources, subject_before
from hrkg.ingest.claims import TOPIC_REACH, word_value
from hrkg.ingest.context import DocContext
from hrkg.ingest.dates import DateMention
from hrkg.ingest.entities import INSTITUTION, Draft, Mention, town_forms
from hrkg.ingest.lexicon import ROLE_PREDICATES
from hrkg.ingest.names import fold
from hrkg.ingest.prefilter import KeywordScan, KeywordSets, folded, has_any
from hrkg.ingest.segment import Sentence
from hrkg.ontology import load_ontology

REPORT_VERBS = re.compile(
    r"\b(?:report(?:ed|s|ing)?(?:\s+on)?|refer(?:red|s)\s+to|highlight(?:ed|s)?|document(?:ed|s)?|"
    r"confirm(?:ed|s)|announc(?:ed|es)|reveal(?:ed|s)|took\s+up|takes\s+up|expos(?:ed|es)|"
    r"emphasi[sz](?:ed|es)|publish(?:ed|es)|releas(?:ed|es)|cover(?:ed|s)(?!\s+up)|recorded|"
    r"according\s+to|details\s+released)\b",
    re.I,
)
# what a report states: figures or events, as opposed to an opinion about them ("the verdict was a milestone")
FACTUAL = re.compile(
    r"\d|\b(?:executed|executions?|hanged|hanging|killed|killing|died|deaths?|dead|arrested|arrests?|detained|"
    r"detention|sentenced|shot|tortured|abducted|disappeared|beaten|raided|injured|wounded|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|"
    r"thousand)s?)\b",
    re.I,
)
# "the protests that broke out in Zahedan", "the massacre took place in prisons across Iran", "protests across Iran"
OCCURRED_AFTER = re.compile(
    r"(?:\s*,?\s*(?:which|that)\b)?(?:\s+(?:have|has|had)\b)?"
    r"(?:\s+(?:took\s+place|taking\s+place|broke\s+out|erupted|spread|swept|began|started|happened|occurred|"
    r"unfolded|(?:were|was)\s+held|raged|continued))?"
    r"(?:\s+(?:[a-z]+\s+){0,3}?)??\s*(?:in|across|throughout|at|to|on\s+the\s+streets\s+of)\s+"
    r"(?:(?:the|several|many|dozens\s+of|more\s+than\s+\d+)\s+)?(?:(?:city|cities|town|towns|province|prisons?|"
    r"parts?|streets?|(?:[\w-]+\s+)?(?:neighbou?rhoods?|districts?|areas?|villages?|regions?))\s+(?:of|in|across)\s+)?"
    r"(?:the\s+)?(?:(?:city|town|province)\s+of\s+)?"
)
# an attributed opinion rather than a report: "said it was shocked", "said the executions made a mockery of ..."
OPINION = re.compile(
    r"\b(?:shocked|appalled|outraged|mockery|milestone|disgrace|shameful|revenge|farce|urged|called\s+(?:on|for)|"
    r"demanded|welcomed|described)\b",
    re.I,
)
CONDEMN = re.compile(r"\bcondemn(?:ed|s|ing)?\b", re.I)
VIOLENCE_VERB = re.compile(
    r"\b(?:killed|kills|shot(?:\s+dead)?|slaughtered|massacred|committed|carried\s+out|"
    r"perpetrated|ordered|opened\s+fire|cracked\s+down|beat(?:en)?|tortured|crushed|fired|put\s+down|suppressed|"
    r"dispersed|arrested|rounded\s+up|drowned|quelled|stormed|gunned\s+down|mowed\s+down|moved\s+in\s+on|raided|"
    r"attacked|broke\s+up|cleared)\b",
    re.I,
)
ON_ORDERS_OF = re.compile(
    r"\b(?:on|at|under|following)\s+the\s+(?:direct\s+|personal\s+)?orders?\s+of\s+(?:the\s+)?", re.I
)
_ROLE_THEN_NAME = re.compile(r"(?:[\w'-]+\s+){0,3}?[\w'-]+,\s+")
_KW_ORDERS = ("on", "at", "under", "following")
DEPLOYED_TO_CRUSH = re.compile(
    r"\b(?P<verb>sent|sends|deployed|deploys|dispatched|ordered)\s+[^.;]{3,140}?"
    r"(?:\bto\s+(?:crush|suppress|quell|put\s+down|disperse|break\s+up|attack|fire\s+on|shoot)"
    r"|\bagainst\s+(?:the\s+)?(?:crowds|protesters|demonstrators|protests|marchers))\b",
    re.I,
)
_KW_DEPLOYED = ("sent", "sends", "deployed", "deploys", "dispatched", "ordered")
VIOLENCE_NOUN = re.compile(
    r"^'s\s+(?:[\w-]+\s+){0,2}?(?:crackdown|killing|killings|use\s+of\s+(?:lethal\s+)?force|crimes?|massacre|"
    r"shooting\s+down|downing|bombing|shelling|airstrikes?|repression|attacks?|slaughter|violence|atrocities|"
    r"executions?|hangings?)\b",
    re.I,
)
VIOLENCE_CUE = re.compile(
    r"\b(?:protesters?|demonstrators?|killing|killings|killed|crackdown|lethal\s+force|slaughter|shot|massacre|victims|"
    r"violence|repression|fired|opened\s+fire|live\s+ammunition|tear\s+gas|beaten|tortured|dead)\b",
    re.I,
)
EXECUTE = re.compile(
    r"\b(?:executed|executes|hanged|hangs|hanging\s+of|put\s+to\s+death|sent\s+to\s+(?:the\s+)?gallows)\b", re.I
)
ACTIVE_ARREST = re.compile(r"\b(?:arrested|detained|seized|abducted)\b(?!\s+(?:in|at|on|during|after|by|for)\b)")
WHOSE_ROLE = re.compile(
    r"\bwhose\s+(?:other\s+|current\s+|founding\s+)?(?P<role>(?:executive\s+)?(?:director|members?|founder|"
    r"secretary[\s-]general|chair(?:man|woman|person)?|president|head|leader|spokes(?:man|woman|person))s?)\s+"
    # "whose director is the lawyer X"
    r"(?:is|are|was|were|include|includes|included)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}?(?=(?-i:[A-Z]))",
    re.I,
)
HEADS_ORG = re.compile(
    r"\b(?:rose\s+to\s+(?:head|lead)|(?:was\s+)?(?:appointed|named|made)\s+(?:as\s+)?head\s+of|became\s+head\s+of|"
    r"heads|headed|leads|led|(?P<directs>directs|directed))\s+(?:the\s+)?"
)
_KW_HEADS = (
    "rose", "was", "appointed", "named", "made", "became", "heads", "headed", "leads", "led", "directs", "directed",
)  # fmt: skip
_KW_MEMBERS = (
    "members", "member", "journalists", "reporters", "researchers", "lawyers", "officials", "activists", "employees",
    "officers", "agents", "judges", "fighters", "diplomats",
)  # fmt: skip
MEMBERS_OF_ORG = re.compile(r"\b(?:" + "|".join(_KW_MEMBERS) + r")\s+(?:of|from|at|with)\s+(?:the\s+)?(?=[A-Za-z])")
_DESCRIBED_ORG = re.compile(r"(?:[a-z][\w-]*\s+|[A-Z][\w]*-based\s+){0,4}")  # "the Poland-based television channel"
_CLAUSE_END = re.compile(
    r"[;:]|,\s+(?:who|which|said|says|told|have|has|had|were|was|are|is)\b|\s(?:said|told|agreed)\b"
)
_PERSON_OF = re.compile(r",?\s+of\s+(?:the\s+)?(?=[A-Z])")
_ORG_POSSESSIVE = re.compile(r"'s?\s+")
ITS_MEMBERS = re.compile(r"^(?:Its|Their)\s+(?:\w+\s+)?members\s+(?:included|include|were|are|was)\s+")
# the roles "Its director, X" names (at the start of a sentence, or after the body that opens it)
_ITS_ROLE_WORDS = (
    r"(?P<role>(?:executive\s+)?(?:director|founder|secretary[\s-]general|chair(?:man|woman|person)?|"
    r"president|head|leader|spokes(?:man|woman|person)))"
)
ITS_ROLE = re.compile(r"^(?:Its|Their)\s+" + _ITS_ROLE_WORDS + r"\s*,\s+")
_ITS_ROLE_INSIDE = re.compile(r"(?<=[\s:;,])its\s+" + _ITS_ROLE_WORDS + r"\s*,\s+")
_ARREST_NO_OBJECT = re.compile(r"\s+(?:in|at|on|for|after|during|over|and|while|when|as)\b|\s*[,.;]")
ARREST_WORD = re.compile(
    r"\b(?:(?P<poss>[Hh]is|[Hh]er|[Tt]heir)\s+(?:\w+\s+)?arrest|arrested|detained|seized|abducted|"
    r"taken\s+into\s+custody)\b"
)
# after an arrest word, up to its place: dates, "on a motorway in", "at his home in", "in the town of"
_PLACE_GAP = re.compile(
    r"(?:\s+(?:on|in|at|near|outside|from|during|by|the|a|an|his|her|their|of|its|same|next|day|home|house|homes|"
    r"houses|raids?|motorway|airport|border|suburb|city|town|village|province|capital|later|early|late|[A-Z][a-z]+\.?|"
    r"checkpoint|street|road|square|workplace|office|school|university|mosque|cemetery|"
    r"protests?|demonstrations?|unrest|uprising|strike|rally|funeral|ceremony|"
    r"\d{1,4},?|there|while|together|with|by(?:\s+[a-z-]+){1,3}?(?=\s+(?:in|at)\b))\b)*?"  # "by intelligence agents in"
    r"(?:\s+(?:in|at|near|outside|from)|\s+(?:upon|on|after)\s+(?:(?:his|her|their)\s+)?(?:return|arrival)\s+(?:to|in|at))"
    r"\s+(?:the\s+)?(?:(?:city|town|village|province|capital|region)\s+of\s+)?"  # "... upon his return to Iran"
)
_NOT_MOTIVE = r"(?:(?!\b(?:charges?|accused|suspicion|alleged|for)\b)[^.;])"
_EVENT_GAP = re.compile(
    _NOT_MOTIVE + r"*?\b(?:during|in|at|after|following|over|amid|while|days\s+after)\s+" + _NOT_MOTIVE + r"{0,40}?"
)
_CLAUSE_STOP = re.compile(r"[;]|,\s+(?:where|which|and\s+(?:was|were|has|had))\b|\s+and\s+(?:sent|taken|transferred)\b")
_CONJUNCT_GAP = re.compile(r"(?:\s+[a-z]+)?\s*(?:,|,?\s+and)\s+(?:members\s+of\s+)?(?:the\s+)?")
# a death stated of a person: "was shot dead", "were killed", "died of his wounds"; "Among the dead were ..."
DEATH = re.compile(
    r"(?P<among>\b[Aa]mong\s+(?:the\s+)?(?:dead|killed|victims|those\s+killed)(?:\s+[^,.;]{0,40}?)?\s+(?:was|were)\b|"
    r"\b[Tt]he\s+(?:dead|victims)\s+(?:included|include|were|are)\b)|"
    # "five were killed, among them X"
    r"(?P<listed>(?:\b(?:was|were|had\s+been)\s+)?\b(?:killed|dead)\b[^.;]{0,60}?,\s+(?:among\s+them|including)\s+|"
    r"\b(?:shot\s+dead|shot\s+and\s+killed|killed|beat\s+to\s+death)\s+(?=[A-Z]))|"  # "forces shot dead X"
    r"\b(?:was|were|had\s+been)\s+(?:\w+\s+)?(?:killed|shot(?:\s+dead)?|beaten\s+to\s+death|murdered|run\s+over)\b|"
    r"\bwas\s+(?:one\s+of|among)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:killed|dead|victims)\b|"
    r"\b(?:shot\s+dead|beaten\s+to\s+death|killed)\s+by\b|"
    r"\bdied\s+(?:of|from|after|in\s+custody|in\s+hospital)\b"
)
_KW_DEATH = ("dead", "killed", "victims", "shot", "beaten", "murdered", "run", "died")
_DEATH_EVENT_KINDS = frozenset({"protest", "massacre", "crackdown", "uprising", "attack"})
VICTIMS_NAMED = re.compile(
    r"\b(?:[Tt]he\s+(?:victims|prisoners|men|women)|[Tt]hey)\s+(?:were|have\s+been)\s+(?:identified|named)\s+as\b"
)
LED_BY = re.compile(
    r"\b(?:(?:then|now|currently|formerly)\s+)?(?:led|headed|chaired|commanded|presided\s+over)\s+by\s+"
    r"(?:(?:the\s+)?(?:[A-Z][a-z]+\.?\s+)?(?=[A-Z]))?"
)
# "led by the veteran activist Ales Bialiatski": words that describe the person between "by" and the name
_HEAD_OF_STATE_BEFORE = re.compile(
    r"(?<![A-Za-z-])(?<!vice\s)(?<!former\s)(?<!deputy\s)(?<!late\s)(?<!ex-)"
    r"(?:supreme\s+leader|president|prime\s+minister)\s+$"
)
_BY_WORD = re.compile(r"\sby\s+")
_LEADER_DESCRIBED = re.compile(r"(?:the\s+|an?\s+)?(?:[\w-]+\.?\s+){0,4}?")
# "Marta Valinas, the Portuguese lawyer who chairs the mission"
_WHO_LEADS = re.compile(
    r"\bwho\s+(?:now\s+|currently\s+)?(?:chairs|commands)\s+(?:the\s+)?"
)  # (heads, leads: HEADS_ORG)
TRIAL_HELD = re.compile(
    r"(?:,[^,;.]{0,160},)?\s+(?:has\s+|had\s+)?(?:opened|began|started|resumed|was\s+held|is\s+being\s+held|took\s+place|"
    r"got\s+under\s+way)\s+(?:\w+\s+){0,2}?in\s+(?:the\s+)?(?:(?:city|capital)\s+of\s+)?"
)
_ACROSS = re.compile(r"\b(?:across|throughout)\s+(?:the\s+)?$")
_FRONTED_PLACE = re.compile(r"(?:(?:On|By|In)\s+[^,]{3,25},\s+)?(?:[Ii]n|[Aa]t|[Ii]nside)\s+(?:the\s+)?")
_COMMA = re.compile(r"\s*,")
LOCATIVE = re.compile(r"\b(?:in|at|outside|near)\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$")
_AMONG_THEM = re.compile(r"\s*,?\s*(?:among\s+them|including)\b")
_PLACE_LIST = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
LINKED_TO = re.compile(
    r"\b(?:in\s+connection\s+with|linked\s+to|related\s+to|connected\s+to|over|for\s+(?:their|his|her)?\s*(?:role|part|"
    r"participation)\s+in|in\s+relation\s+to)\s+(?:the\s+)?(?:[\w,-]+\s+){0,4}$",
    re.I,
)
ONE_OF_EXECUTED = re.compile(
    r"\b(?:was|were)\s+(?:one\s+of|among)\s+(?:the\s+)?(?:at\s+least\s+|more\s+than\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:hanged|executed|put\s+to\s+death)\b"
)
AMONG_EXECUTED = re.compile(
    r"\b[Aa]mong\s+(?:the|those)\s+(?:[\w,-]+\s+){0,3}?(?:executed|hanged|put\s+to\s+death)\s+(?:at|in)\s+(?:the\s+)?"
)
_POSSESSIVE = re.compile(r"'s?\s+(?:(?:main|notorious|central|largest|infamous|old|new)\s+)*")
_CAPITAL_OF = re.compile(
    r"(?:,\s+|\s+(?:is|was|remains)\s+)(?:the\s+)?(?:provincial\s+)?(?:capital|main\s+city|largest\s+city)\s+of\s+"
    r"(?:the\s+)?(?:neighbouring\s+|neighboring\s+)?"
    r"|,\s+(?:a|the|another)\s+(?:\w+\s+)?(?:port\s+city|city|town|border\s+town|village)\s+in\s+(?:the\s+)?"
    r"|(?P<lie>\s+(?:both\s+|all\s+)?(?:lie|lies|are|is)\s+in\s+(?:the\s+)?)"
)
_IN_REGION = re.compile(r"\s+in\s+(?:the\s+)?|,\s+(?:in\s+)?")
_DESCRIBED_IN = re.compile(r",\s+(?:an?|the)\s+[^,;.()]{1,50},\s+(?:in|at)\s+(?:the\s+)?")
_AMONG_ARRESTED = re.compile(
    r"\b[Aa]mong\s+(?:those|the\s+people|the\s+\w+)\s+(?:arrested|detained)\b[^,;.]{0,40}?\s+(?:was|were)\b"
)
_ARREST_EVENT_KINDS = frozenset({"protest", "crackdown", "arrest", "gathering", "massacre"})
_WHERE_SUBJECT = re.compile(r",\s+where\s+(?:he|she|they)\s+(?:was|were|had\s+been)\s+(?:\w+\s+)?")
_OBJECT_PRONOUN = re.compile(r"\s+(him|her|them)\b")
_SUBJECT_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\s+(?:was|had\s+been)\s+(?:\w+\s+)?$")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+(?:\w+\s+)?$")
# "arrested X in Y", "arrested X, at the funeral ceremony in Y"
_ARRESTED_WHERE = re.compile(
    r"(?:,\s+[^,;.]{1,40},)?"  # "arrested Fariba Nazari-Far, Alireza's mother, in Ahvaz"
    r",?\s+(?:(?:at|during|outside)\s+(?:the\s+|a\s+)?(?:[a-z'-]+\s+){1,3}?)?(?:in|at)\s+"
    r"(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?"
)
_ORDERED_BY = re.compile(r"\borders?\s+of\b[^.;]{0,50}$")
_SEAT_OF = re.compile(r"\b(?:court|tribunal|prosecutors?|office|embassy|parliament|ministry|consulate)\s+in\s+$", re.I)
_SENTENCE_TO = re.compile(r"\s+(?:to|on|against|for)\s+(?:the\s+)?(?:[a-z][\w-]*,?\s+){0,3}?(?=[A-Z])")
_INCLUDING = re.compile(r",\s+(?:including|among\s+them)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}?(?=[A-Z])")
_DIGIT = re.compile(r"\d")
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|outside)\s+(?:(?:the|a|an)\s+)?(?:[a-z]+\s+){0,2}$")
_SAME_CLAUSE = re.compile(r"[^.;:]{0,40}?\s+and\s+(?:then\s+)?")  # "... in Brussels and arrested"
_TOGETHER_WITH = re.compile(r"\b(?:together|along)\s+with\s+")
_LIST_GAP = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?(?:(?:[a-z][\w-]*)\s+){0,2}?(?=[A-Z])")
SENTENCED = re.compile(r"\bsentenced\b[^.;]{0,80}?\bto\s+death\b|\bdeath\s+sentences?\b", re.I)
UJ = re.compile(r"\buniversal\s+jurisdiction\b", re.I)
TRIED = re.compile(r"\b(?:tried|trial|retrial|court|prosecuted|prosecution|proceedings|convicted|verdict)\b", re.I)
PARTICIPATE = re.compile(
    r"\b(?:played\s+an?\s+(?:\w+\s+)?role\s+(?:in|during)|(?<!alleged\s)involvement\s+in|"
    r"(?:took|taking|take|takes)\s+part\s+in|participat(?:ed|ing|es)\s+in|(?:joined|joining)(?=\s+(?:the|a)\s)|"
    r"was\s+involved\s+in|(?:for|over)\s+(?:his|her|their)\s+(?:(?!alleged|suspected)\w+\s+)?(?:role|part)\s+in|"
    r"(?:won|contested|ran\s+in|stood\s+in)(?=\s+(?:the|a)\s))\b",
    re.I,
)
PERPETRATOR = re.compile(r"\bperpetrators?\s+of\b", re.I)
ORDER_OF = re.compile(r"\bon\s+the\s+(?:\w+\s+)?orders?\s+of\s+$", re.I)
MEMBER_OF = re.compile(
    r"\b(?:(?:as\s+)?an?\s+(?:\w+\s+)?(?:member|supporter)\s+of|(?:who\s+)?(?:works|worked|writes|wrote|reports|reported)\s+for|"
    r"belong(?:s|ed)?\s+to|joined|an?\s+(?:\w+\s+)?(?:activist|campaigner|volunteer)\s+with)\s+"
    r"(?:the\s+)?(?:(?:so-called|banned|outlawed|reformist|daily|newspaper|weekly|news\s+agency|website|"
    r"[\w]+-(?:man|member|strong))\s+)*[\"'\u201c]?$",
    re.I,
)
BASED = re.compile(r"^-based\s+$")
_APPOSITION_BEFORE = re.compile(r"(?:\s*\([A-Z]{2,8}\))?,\s+(?:a|an|the)\s+$")
BASED_IN = re.compile(r"\b(?:based|headquartered|headquarters)\s+in\s+$", re.I)
ELECTION_WIN = re.compile(r"\b(?:presidency|won|winner|elected|candidate|victory)\b", re.I)
KILLED_IN = re.compile(
    r"^(?:,[^.;]{0,80}?,)?\s+(?:who\s+)?(?:was|were|had\s+been|has\s+been)\s+(?:\w+\s+)?"
    r"(?:killed|shot\s+dead|shot|beaten\s+to\s+death|murdered)\s+(?:\w+\s+){0,3}?(?:in|during|at)\s+(?:the\s+)?"
)
CONDEMN_BY = re.compile(r"\w*(?:\s+(?:on|in|last|this)\s+\w+)?\s+by\s+(?:the\s+)?")
RELATED = re.compile(r"\brelated\s+to\s+$", re.I)
NON_PERPETRATOR_KINDS = frozenset({"ngo", "media", "intergovernmental"})
STATE_KINDS = frozenset({"state", "judiciary", "security-force"})
_ACCUSED = re.compile(r"\b(?:accus\w+|charg\w+|alleg\w+|suspect\w*)\b[^.;]*$", re.I)
_PRONOUN_PERSON = re.compile(r"\b(?:he|she|his|her|him)\b", re.I)
_PRONOUN_ORG = re.compile(r"^(?:It|it|Its|its)\b")
# keywords one of which every match of the regex named starts with (see hrkg.ingest.prefilter.KeywordScan)
_KW_REPORT = (
    "report", "refer", "highlight", "document", "confirm", "announc", "reveal", "took", "takes", "expos", "emphasi",
    "publish", "releas", "cover", "recorded", "according", "details",
)  # fmt: skip
_KW_CONDEMN = ("condemn",)
_KW_WHOSE = ("whose",)
_KW_VIOLENCE_VERB = (
    "killed", "kills", "shot", "slaughtered", "massacred", "committed", "carried", "perpetrated", "ordered", "opened",
    "cracked", "beat", "tortured", "crushed", "fired", "put", "suppressed", "dispersed", "arrested", "rounded",
    "drowned", "quelled", "stormed", "gunned", "mowed", "moved", "raided", "attacked", "broke", "cleared",
)  # fmt: skip
_KW_PERPETRATOR = ("perpetrator",)
_KW_VIOLENCE_CUE = (
    "protester", "demonstrator", "killing", "killed", "crackdown", "lethal", "slaughter", "shot", "massacre", "victims",
    "violence", "repression", "fired", "opened", "live", "tear", "beaten", "tortured", "dead",
)  # fmt: skip
_KW_EXECUTE = ("execute", "hang", "put", "sent")
_KW_ACTIVE_ARREST = ("arrested", "detained", "seized", "abducted")
_KW_ARREST = ("arrest", "detain", "taken", "seized", "abducted")
_KW_TRIED = ("tried", "trial", "retrial", "court", "prosecuted", "prosecution", "proceedings", "convicted", "verdict")
_KW_UJ = ("universal",)
_KW_TRIED_IN = ("tried", "trial", "court", "heard", "convicted", "sentenced")
_KW_SENTENCED = ("sentenced", "death")
_KW_PARTICIPATE = (
    "played", "involvement", "took", "taking", "take", "takes", "participated", "participating", "participates",
    "joined", "joining", "was", "for", "over", "won", "contested", "ran", "stood",
)  # fmt: skip
_KW_ELECTION = ("presidency", "won", "winner", "elected", "candidate", "victory")
# the roles of ROLE_PREDICATES, longest first, as words (and as words with an optional plural s)
_ROLES_LONGEST_FIRST = sorted(ROLE_PREDICATES, key=len, reverse=True)
_ROLE_WORDS = [(re.compile(r"\b" + re.escape(r) + r"\b"), ROLE_PREDICATES[r]) for r in _ROLES_LONGEST_FIRST]
_ROLE_WORDS_PLURAL = [(re.compile(r"\b" + re.escape(r) + r"s?\b"), ROLE_PREDICATES[r]) for r in _ROLES_LONGEST_FIRST]
# matched in place (not on a copy of the rest of the text)
_BY_THE = re.compile(r"\s+by\s+(?:the\s+)?")
_WORD_BY = re.compile(r"\s+(?:\w+\s+)?by\s+")
_HELD_IN = re.compile(r"\b(?:took\s+place|opened|began|was\s+held|held)\s+in\s+(?:the\s+)?$")
# "tried in X", "a court in X", "was sentenced in Minsk", "was tried by the Revolutionary Court in Tehran"
_TRIED_IN = re.compile(
    r"\b(?:tried|trial|court|heard|convicted|sentenced)\s+(?:by\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:[Cc]ourt|[Tt]ribunal)\s+)?in\s+"
)
# all of them, looked for in one pass per sentence (a tuple left out is still handled, one pass of its own)
_KEYWORDS = KeywordSets(
    (
        _KW_REPORT, _KW_CONDEMN, _KW_WHOSE, _KW_VIOLENCE_VERB, _KW_PERPETRATOR, _KW_VIOLENCE_CUE,
        _KW_EXECUTE, _KW_ACTIVE_ARREST, _KW_ARREST, _KW_TRIED, _KW_UJ, _KW_TRIED_IN, _KW_SENTENCED,
        _KW_PARTICIPATE, _KW_ELECTION, _KW_DEPLOYED, _KW_ORDERS, _KW_HEADS, _KW_MEMBERS,
    )
)  # fmt: skip


@dataclass
class _Sent:
    s: Sentence
    text: str
    mentions: list[Mention]
    low: str = ""
    scan: KeywordScan = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.low = folded(self.text)
        self.scan = KeywordScan(self.text, self.low, _KEYWORDS)


_TAG_LINE = re.compile(r"\s*(?:Tags?|Topics?|Categories|Category|Keywords|Filed\s+under|Related(?:\s+\w+)?)\s*:", re.I)
_IN_PART_OF = re.compile(
    r",?\s+in\s+(?:the\s+)?(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|central|outer|inner|downtown)"
    r"(?:\s+(?:part|outskirts|suburbs)\s+of|\s+of)?\s+",
    re.I,
)
_IN_TOWN = re.compile(r"(?:\s*\([A-Z]{2,8}\))?\s+in\s+")
# "the Malashieh district of Ahvaz", "the Mehrshahr neighbourhood of Karaj"
_DISTRICT_OF = re.compile(r"\s+(?:district|neighbourhood|neighborhood|quarter|suburb)\s+of\s+(?:the\s+)?")


# "condemned the arrests", "condemned their death sentences": what is condemned, and the kinds of event it names
_CONDEMNED_NOUN = re.compile(
    r"\s+(?:the|these|this|his|her|their|its)\s+(?:\w+\s+){0,2}?(?P<noun>executions?|hangings?|killings?|arrests?|"
    r"detentions?|(?:death\s+)?sentences?|verdicts?|convictions?|swap|exchange|crackdown|raids?)\b",
    re.I,
)
_KINDS_OF_NOUN = {
    "execution": ("execution",),
    "hanging": ("execution",),
    "killing": ("killing", "massacre", "protest", "crackdown", "attack"),
    "arrest": ("arrest", "crackdown", "protest", "gathering"),
    "detention": ("arrest", "crackdown", "protest", "gathering"),
    "death": ("Case",),
    "sentence": ("Case",),
    "verdict": ("Case",),
    "conviction": ("Case",),
    "swap": ("gathering",),
    "exchange": ("gathering",),
    "crackdown": ("crackdown", "protest", "massacre", "attack"),
    "raid": ("attack", "crackdown"),
}
_CLAUSE_BEFORE = re.compile(r"\b(?:that|which|who|following|after|before|since|when)\b")
_PASSIVE_AUX = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+(?:\w+ly\s+)?$")
_IN_CUSTODY_OF = re.compile(r"\bcustody\s+of\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}$")
# a verb telling of a hanging or of unrest, with the place right after it ("were hanged on Wednesday in ...")
_UNNAMED_EVENT_VERB = re.compile(
    r"\b(?:(?P<exe>hanged|executed|put\s+to\s+death|sent\s+to\s+the\s+gallows)|protested|demonstrated|rallied|"
    r"gathered|marched|clashed|took\s+to\s+the\s+streets|opened\s+fire|shot\s+dead|were\s+killed|was\s+killed)\b"
)
_PLACE_AFTER_VERB = re.compile(
    r"(?:\s+(?:on|at\s+dawn|early|late|last|this|in\s+the\s+morning|overnight|again|together|[A-Z][a-z]+day|"
    r"\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})){0,3}\s+(?:in|at|across|throughout|outside|inside)\s+"
    r"(?:the\s+)?(?:(?:city|town|village|streets?)\s+of\s+)?"
)
_EXECUTION_KINDS = ("execution", "massacre")
_UNREST_KINDS = ("protest", "crackdown", "massacre", "killing", "uprising")
# a reference to people listed before: "they", "them", "the three men", "all four", "both men"
_GROUP_REF = re.compile(
    r"\b(?:[Tt]hey|them|[Bb]oth(?:\s+(?:men|women))?|(?:[Tt]he|[Aa]ll)\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d+)"
    r"(?:\s+(?:of\s+them|men|women|activists|defendants|prisoners|protesters|brothers|sisters|journalists|people|"
    r"dissidents|students|workers))?)\b"
)


class RelationFinder:
    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.ont = load_ontology()
        self.out: dict[tuple[str, str, str], dict] = {}
        self.last_event: str | None = None
        self.last_event_sentence = -99
        self.recent_events: list[tuple[str, int]] = []  # events and cases mentioned so far, with sentence index
        self.last_group: tuple[list[str], int] = ([], -99)  # the latest list of people named together
        self.last_person: str | None = None
        self.last_org: str | None = None

    # ---- output
    def add(
        self, subj: str | None, pred: str, obj: str | None, sent: Sentence, confidence: float, date: str | None = None
    ) -> None:
        if not subj or not obj or subj == obj:
            return
        st, ot = self.ctx.type_of(subj), self.ctx.type_of(obj)
        if st is None or ot is None or not self.ont.allows(pred, st, ot):
            return
        key = (subj, pred, obj)
        if key in self.out:
            if date and not self.out[key].get("date"):
                self.out[key]["date"] = date
            return
        self.out[key] = {
            "subject": subj,
            "predicate": pred,
            "object": obj,
            "date": date,
            "confidence": confidence,
            "evidence": self.ctx.span(sent),
        }

    # ---- helpers
    def draft(self, eid: str) -> Draft | None:
        return self.ctx.table.drafts.get(eid)

    def kind(self, eid: str) -> str | None:
        d = self.draft(eid)
        return d.kind if d else None

    def date_near(self, sent: Sentence, pos: int, *, need_year: bool = True) -> str | None:
        best: tuple[int, DateMention] | None = None
        for d in self.ctx.dates_in(sent.start, sent.end):
            if need_year and not d.value:
                continue
            dist = abs(d.start - pos)
            if best is None or dist < best[0]:
                best = (dist, d)
        return best[1].value if best else None

    def agents(self, ms: list[Mention]) -> list[Mention]:
        return [m for m in ms if m.type in ("Organisation", "Person")]

    def events(self, ms: list[Mention]) -> list[Mention]:
        return [m for m in ms if m.type in ("Event", "Case")]

    def implicit_event(self, sent: Sentence) -> str | None:
        if self.last_event and sent.index - self.last_event_sentence <= 6:
            return self.last_event
        # an article about one protest or crackdown: later paragraphs about "the violence" are about it
        topics = {
            c.draft.id
            for c in self.ctx.clusters
            if c.draft is not None and c.draft.type == "Event" and c.draft.kind in ("protest", "crackdown", "uprising")
        }
        if self.last_event and topics == {self.last_event}:
            return self.last_event
        return None

    def state_actor(self, ms: list[Mention]) -> str | None:
        for m in ms:
            if m.type == "Organisation" and self.kind(m.entity) in ("state", "judiciary"):
                return m.entity
        return None

    def government(self) -> str | None:
        """The authority's government of the document's main country, when the text mentions it."""
        for d in self.ctx.table.drafts.values():
            if d.type == "Organisation" and d.kind == "state" and d.mentions:
                return d.id
        return None

    def place_for(self, sent: _Sent, after: int) -> str | None:
        places = [m for m in sent.mentions if m.type == "Place" and m.start >= after]
        if places:
            return places[0].entity
        for w in re.findall(r"\b[A-Z][a-z]+s?\b", sent.text):
            pid = self.ctx.gz.demonyms.get(fold(w))
            if pid:
                return self._ensure_place(pid)
        return self._ensure_place(self.ctx.main_country) if self.ctx.main_country else None

    def _ensure_place(self, pid: str | None) -> str | None:
        return self.ctx.table.ensure_place(pid)

    # ---- the rules
    def run(self) -> list[dict]:
        ctx = self.ctx
        for subj, pred, obj, sent, conf, date in ctx.facts:
            self.add(subj, pred, obj, sent, conf, date)
        self.role_relations()
        self.lower_case_titles()
        self.case_relations()
        for sent in ctx.sentences:
            if _TAG_LINE.match(self.text, sent.start) or self.text.count(" | ", sent.start, sent.end) >= 2:
                continue  # "Tags: Bloody Aban, Mahshahr", "About | News | Iran Protests": a page's keywords or menu
            ms = ctx.mentions_in(sent.start, sent.end)
            st = _Sent(sent, self.text[sent.start : sent.end], ms)
            evs = self.events(ms)
            self.sentence_rules(st)
            if evs:
                self.last_event = evs[-1].entity
                self.last_event_sentence = sent.index
                self.recent_events.extend((e.entity, sent.index) for e in evs)
            for m in ms:
                if m.type == "Person":
                    self.last_person = m.entity
                elif m.type == "Organisation" and not m.generic:
                    self.last_org = m.entity
            persons = [m for m in ms if m.type == "Person" and m.kind != "pronoun"]
            for p in persons:
                group = _chain(persons, p.start, self.text)
                if len({g.entity for g in group}) >= 2:  # "A, B and C": whom "the three men" refers to next
                    self.last_group = ([g.entity for g in group], sent.index)
                    break
        for c in ctx.claims:
            who = c.get("claimed_by")
            if not c.get("stated") or self.ctx.type_of(who) not in ("Organisation", "Person"):
                continue
            sent = self._sentence_at(c["evidence"]["start"])  # officials' own figures are reports too
            if sent is not None:
                self.add(c["about"], "reported_by", who, sent, 0.6, c.get("date"))
        self.universal_jurisdiction()
        self.places_in_names()
        self.group_execution_victims()
        self.spread_plural_events()
        # an execution place taken only from the document's country gives way to a stated one
        for pred in ("executed_in", "occurred_in"):
            stated = {k[0] for k, r in self.out.items() if k[1] == pred and r["confidence"] > 0.5}
            for k in [k for k, r in self.out.items() if k[1] == pred and r["confidence"] <= 0.5]:
                if k[0] in stated:
                    del self.out[k]
        # "X condemned the execution, saying ...": a condemnation, not also a report of it by the same sentence
        for (subj, pred, obj), r in list(self.out.items()):
            if pred == "condemned_by":
                reported = self.out.get((subj, "reported_by", obj))
                if reported is not None and reported["evidence"]["start"] == r["evidence"]["start"]:
                    del self.out[(subj, "reported_by", obj)]
        return list(self.out.values())

    def country_of(self, pid: str | None) -> str | None:
        return self._ensure_place(self.ctx.gz.country_of(pid))

    def universal_jurisdiction(self) -> None:
        """A trial in a court whose country the text gives, in a document that invokes universal jurisdiction."""
        m = UJ.search(self.text) if has_any(folded(self.text), _KW_UJ) else None
        if not m:
            return
        sent = self._sentence_at(m.start())
        for cid, pid, country, _pos in self.ctx.trial_countries:
            country = self._ensure_place(country)
            if country is None or sent is None:
                continue
            for x in (pid, cid):
                self.add(x, "tried_under_universal_jurisdiction", country, sent, 0.7)

    def group_execution_victims(self) -> None:
        """Named people listed where a group execution is stated: "executed four men, including X and Y"."""
        for _eid, place, idx in self.ctx.group_executions:
            if place is None:
                continue
            if idx + 1 < len(self.ctx.sentences):
                # "... hanged three prisoners in Ghezel Hesar. The victims were identified as A, B and C."
                nxt = self.ctx.sentences[idx + 1]
                if VICTIMS_NAMED.search(self.text, nxt.start, nxt.end):
                    for p in self.ctx.mentions_in(nxt.start, nxt.end):
                        if p.type == "Person" and p.kind != "pronoun":
                            self.add(p.entity, "executed_in", place, nxt, 0.6)
            for k in (idx - 1, idx):
                if k < 0:
                    continue
                sent = self.ctx.sentences[k]
                stext = self.text[sent.start : sent.end]
                xm = EXECUTE.search(stext)
                if not xm:
                    continue
                inc = re.search(r"\b(?:including|identified|named|among\s+them)\b", stext[xm.end() :])
                if not inc:
                    continue
                pos = sent.start + xm.end() + inc.end()
                for p in self.ctx.mentions_in(pos, sent.end):
                    if p.type == "Person":
                        self.add(p.entity, "executed_in", place, self.ctx.sentences[idx], 0.65)

    def spread_plural_events(self) -> None:
        for (start, _end), eids in self.ctx.plural_events.items():
            for key, r in list(self.out.items()):
                ev = r["evidence"]
                if key[0] != eids[0] or key[1] not in ("condemned_by", "reported_by"):
                    continue
                if not (ev["start"] <= start < ev["end"]):
                    continue
                sent = self._sentence_at(start)
                for other in eids[1:]:
                    if sent is not None:
                        self.add(other, key[1], key[2], sent, r["confidence"], r.get("date"))

    def role_relations(self) -> None:
        for pid, phrase, org_id, start, _end in self.ctx.rec.roles:
            if pid == "?" or pid not in self.ctx.table.drafts:
                continue
            low = phrase.lower()
            pred = None
            for role_re, role_pred in _ROLE_WORDS:
                if role_re.search(low):
                    pred = role_pred
                    break
            if pred is None:
                continue
            sent = self._sentence_at(start)
            if sent is None:
                continue
            if org_id is None and pred == "leader_of":
                org_id = self.state_actor(self.ctx.mentions_in(sent.start, sent.end))
            if org_id is None:
                continue
            self.add(pid, pred, org_id, sent, 0.8, None)

    def lower_case_titles(self) -> None:
        """ "on the direct order of supreme leader Ali Khamenei": a head of state titled in lower case leads the
        state the sentence names."""
        for m in self.ctx.table.mentions():
            if m.type != "Person" or m.kind == "pronoun":
                continue
            if not _HEAD_OF_STATE_BEFORE.search(self.text, max(0, m.start - 30), m.start):
                continue
            sent = self._sentence_at(m.start)
            state = self.state_actor(self.ctx.mentions_in(sent.start, sent.end)) if sent is not None else None
            if sent is not None and state is not None:
                self.add(m.entity, "leader_of", state, sent, 0.7)

    def case_relations(self) -> None:
        for c in self.ctx.clusters:
            if c.draft is None or c.draft.type != "Case" or not c.person:
                continue
            np = c.nps[0]
            sent = self._sentence_at(np.start)
            if sent is not None:
                self.add(c.person, "subject_of", c.draft.id, sent, 0.85)

    @staticmethod
    def _starts_of(entity: str, ms: list[Mention]) -> list[int]:
        return [m.start for m in ms if m.entity == entity]

    def _sentence_at(self, pos: int) -> Sentence | None:
        return self.ctx.rec.sentence_at(pos)

    def resolve_pronoun(self, st: _Sent, pos: int, person: bool = True) -> str | None:
        before = [m for m in st.mentions if m.start < pos and m.type == ("Person" if person else "Organisation")]
        if before:
            return before[-1].entity
        return self.last_person if person else self.last_org

    def sentence_rules(self, st: _Sent) -> None:
        sent, text, ms = st.s, self.text, st.mentions
        base = sent.start
        stext = st.text
        agents = self.agents(ms)
        evs = self.events(ms)
        event_ids = list(dict.fromkeys(m.entity for m in evs))
        implicit = None
        if not event_ids and (
            st.scan.search(VIOLENCE_CUE, _KW_VIOLENCE_CUE) or st.scan.search(DEPLOYED_TO_CRUSH, _KW_DEPLOYED)
        ):
            implicit = self.implicit_event(sent)
        targets = event_ids or ([implicit] if implicit else [])
        self.relative_roles(st)
        self.capitals(st)

        # X-based ORG / based in / headquarters in
        based_in = has_any(st.low, ("based", "headquarter"))  # (every BASED_IN match has one)
        for m in ms:
            if m.type == "Place":
                if BASED.match(text[m.end : m.end + 7] + " "):
                    # "IHR, a Norway-based organisation": the organisation the apposition describes
                    app = _APPOSITION_BEFORE.search(text, max(base, m.start - 12), m.start)
                    orgs_here = [o for o in ms if o.type == "Organisation"]
                    named = next((o for o in orgs_here if o.end == app.start()), None) if app else None
                    after = next((o for o in ms if o.type == "Organisation" and o.start > m.end), None)
                    close = after is not None and after.start - m.end < 40 and "," not in text[m.end : after.start]
                    org = after if close or named is None else named
                    if org is not None:
                        self.add(org.entity, "located_in", m.entity, sent, 0.85)
                before = text[max(base, m.start - 30) : m.start]
                if based_in and BASED_IN.search(before):
                    org = next((o for o in reversed(ms) if o.type == "Organisation" and o.end <= m.start), None)
                    if org is None or (
                        "headquarters" in before.lower() and text[base : m.start].lower().startswith("with its")
                    ):
                        org = next((o for o in ms if o.type == "Organisation" and o.start > m.end), org)
                    if org is not None:
                        self.add(org.entity, "located_in", m.entity, sent, 0.75)
                # "the court in Antwerp", "X Prison in Y"
                prev = next((o for o in reversed(ms) if o.end <= m.start and o.end >= m.start - 12), None)
                if (
                    prev is not None
                    and _IN_TOWN.fullmatch(text, prev.end, m.start)
                    and prev.entity != m.entity
                    and self.kind(m.entity) != "prison"
                    and (
                        (prev.type == "Place" and self.kind(prev.entity) in ("prison", None))
                        # "the Polytechnic University in Managua", "the Specialized Criminal Court (SCC) in Riyadh"
                        or (prev.type in ("Organisation", "Place") and INSTITUTION.search(prev.text))
                    )
                ):
                    self.add(prev.entity, "located_in", m.entity, sent, 0.7)
                self.place_in_place(st, m, prev)
                district = _DISTRICT_OF.match(text, m.end)
                town = next((o for o in ms if district and o.type == "Place" and o.start == district.end()), None)
                if town is not None and town.entity != m.entity:
                    self.add(m.entity, "located_in", town.entity, sent, 0.7)
            if m.type == "Person" and text.startswith("-led", m.end):
                org = next(
                    (
                        o
                        for o in ms
                        if o.type == "Organisation"
                        and o.end > m.end
                        and o.start <= m.end + 30
                        and o.start >= m.start - 30
                    ),
                    None,
                )
                if org is not None:
                    self.add(m.entity, "leader_of", org.entity, sent, 0.8)
        # occurred_in: "Security forces fired on worshippers in Zahedan" in a sentence about one event
        events_here = [e for e in evs if e.type == "Event"]
        violent = has_any(st.low, _KW_VIOLENCE_CUE) and VIOLENCE_CUE.search(stext) is not None
        if len({e.entity for e in events_here}) == 1 and violent:
            ev = events_here[0]
            for p in ms:
                across = p.type == "Place" and _ACROSS.search(text, max(base, p.start - 12), p.start) is not None
                town = p.type == "Place" and (self.kind(p.entity) in ("city", "other", None) or across)
                at = across or LOCATIVE.search(text, max(base, p.start - 12), p.start)
                seat = _SEAT_OF.search(text, max(base, p.start - 30), p.start)  # "a federal court in Buenos Aires"
                if town and at and not seat and not ev.start <= p.start < ev.end:
                    self.add(ev.entity, "occurred_in", p.entity, sent, 0.55, self.date_near(sent, ev.start))
        if not events_here:
            self.unnamed_event_places(st)
        # occurred_in: "In Ghezel Hesar, prisoners continued the weekly hunger strike": a place put before the clause
        front = _FRONTED_PLACE.match(stext)
        where = front and next((p for p in ms if p.type == "Place" and p.start == base + front.end()), None)
        if where is not None and _COMMA.match(text, where.end):
            for ev in events_here:
                if ev.start > where.end:
                    self.add(ev.entity, "occurred_in", where.entity, sent, 0.6, self.date_near(sent, ev.start))
        # occurred_in: a place inside or right after the event phrase
        for ev in evs:
            if ev.type != "Event":
                continue
            om = OCCURRED_AFTER.match(text, ev.end, sent.end)
            place = next((p for p in ms if p.type == "Place" and p.start == om.end()), None) if om else None
            while place is not None and self.kind(place.entity) != "prison":
                # "protests continued in Ahvaz, Shush and Tehran": every place of the list
                self.add(ev.entity, "occurred_in", place.entity, sent, 0.7, self.date_near(sent, ev.start))
                gap = _PLACE_LIST.match(text, place.end, sent.end)
                place = next((p for p in ms if p.type == "Place" and gap and p.start == gap.end()), None)
            holders = [
                m for m in ms if m.type in ("Organisation", "Person") and ev.start <= m.start and m.end <= ev.end
            ]
            inner = [
                p
                for p in ms
                if p.type == "Place"
                and ev.start <= p.start
                and p.end <= ev.end + 1
                and not any(h.start <= p.start and p.end <= h.end for h in holders)
            ]
            victim = next((pid for pid, eid in self.ctx.executions.items() if eid == ev.entity), None)
            described = _DESCRIBED_IN.match(text, ev.end, sent.end) if victim is not None else None
            if described is not None:  # "The execution of X, a 28-year-old welder, in Tappeh Sorkh Prison"
                inner += [p for p in ms if p.type == "Place" and p.start == described.end()]
            for p in inner:
                self.add(ev.entity, "occurred_in", p.entity, sent, 0.75, self.date_near(sent, ev.start))
                if victim is not None:  # "the execution of X in Y Prison"
                    self.add(victim, "executed_in", p.entity, sent, 0.75, self.date_near(sent, ev.start))
            if not inner:
                nested = [
                    m for m in ms if m.type in ("Organisation", "Person") and ev.start <= m.start and m.end <= ev.end
                ]
                for w in re.finditer(r"\b[A-Z][a-z]+\b", text[ev.start : ev.end]):
                    if any(m.start <= ev.start + w.start() < m.end for m in nested):
                        continue
                    pid = next(iter(self.ctx.gz.place_by_name.get(fold(w.group()), [])), None)
                    if pid and pid in self.ctx.table.drafts:
                        self.add(ev.entity, "occurred_in", pid, sent, 0.6, self.date_near(sent, ev.start))
        # reporting
        for vm in st.scan.finditer(REPORT_VERBS, _KW_REPORT):
            vpos = base + vm.start()
            verb = vm.group().lower()
            if verb.startswith("according"):
                agent = next(
                    (a for a in agents if a.start >= base + vm.end() and a.start - (base + vm.end()) < 12), None
                )
            else:
                agent = subject_before(text, vpos, [a for a in agents if not a.generic]) or next(
                    (a for a in reversed(agents) if a.end <= vpos and not a.generic), None
                )
                by = _BY_THE.match(text, base + vm.end())
                if by:
                    agent = next(
                        (a for a in agents if a.start >= base + vm.end() and a.start - (base + vm.end()) < 10), agent
                    )
                elif _PASSIVE_AUX.search(text, max(base, vpos - 20), vpos):
                    continue  # "Noury was released in a prisoner exchange": released, not releasing a report
                if agent is None and _PRONOUN_ORG.match(stext) and vm.start() < 30:
                    aid = self.resolve_pronoun(st, vpos, person=False)
                    agent = Mention(0, 0, "it", aid, "Organisation") if aid else None
            if agent is None or agent.generic:
                continue
            by_agent = agent is not None and agent.start > vpos and not verb.startswith("according")
            before = [e.entity for e in evs if e.end <= vpos]
            objs = [e.entity for e in self.main_events([e for e in evs if e.start >= vpos])] or (
                # "..., during the November 2019 protests, when 1,500 were killed, according to Reuters": the
                # event nearest before the attribution
                before[-1:] if verb.startswith("according") else before if by_agent else []
            )
            if not objs and targets and not event_ids:
                objs = targets
            for obj in dict.fromkeys(objs):
                self.add(obj, "reported_by", agent.entity, sent, 0.7, self.date_near(sent, max(agent.end, vpos)))
        # "..., the Ilam Rights Observatory said", "according to figures from HRANA": a source stating facts about
        # the events of the sentence, or about the execution or the event under discussion that it describes
        factual = FACTUAL.search(stext) and not (OPINION.search(stext) and not _DIGIT.search(stext))
        said = self.ctx.sources_of(sent) if factual else []
        if said:
            objs = [e.entity for e in evs]
            if has_any(st.low, _KW_EXECUTE) and EXECUTE.search(stext):
                objs += [x for p in ms if p.type == "Person" and (x := self.ctx.executions.get(p.entity))]
            if not objs and _DIGIT.search(stext):
                objs = targets  # the event under discussion, when the source gives a figure about it
            quoted = stext[:1] in "\"\u201c'\u2018"
            for src in said:
                if quoted and self.ctx.type_of(src.entity) == "Person":
                    continue  # a quoted remark of a spokesperson; their organisation is the reporter
                if any(e.start <= src_start < e.end for e in evs for src_start in self._starts_of(src.entity, ms)):
                    continue
                if len(evs) > 1 and src.at > evs[-1].end:
                    # "... than during the November 2019 protests, when 1,500 were killed, according to Reuters":
                    # a source named after every event speaks of the nearest one
                    mine = [evs[-1].entity] + [o for o in objs if o not in {e.entity for e in evs}]
                else:
                    mine = objs
                for obj in dict.fromkeys(mine):
                    self.add(obj, "reported_by", src.entity, sent, 0.65, self.date_near(sent, src.pos))
        # headline "ORG: ... event"
        hm = re.match(r"^([^:]{2,60}):\s", stext) if ":" in stext else None
        if hm:
            agent = next((a for a in agents if a.start == base and a.end <= base + hm.end(1) + 1), None)
            if agent is not None:
                for e in evs:
                    self.add(e.entity, "reported_by", agent.entity, sent, 0.6)
        # condemnation
        for cm in st.scan.finditer(CONDEMN, _KW_CONDEMN):
            cpos = base + cm.start()
            inside = [a for a in agents if any(e.start <= a.start and a.end <= e.end for e in evs)]
            by = CONDEMN_BY.match(text, base + cm.end())
            if by and by.end() <= sent.end:
                # passive: "was condemned on Monday by the League and by a rapporteur"
                found = [a for a in agents if a.start >= by.end() - 4 and a not in inside and not a.generic]
                found = [
                    a
                    for k, a in enumerate(found)
                    if k == 0
                    or re.fullmatch(
                        r"(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)(?:by\s+)?(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?",
                        text[found[k - 1].end : a.start],
                    )
                ]
                for a in found:
                    for obj in [e.entity for e in evs if e.end <= cpos] or targets:
                        self.add(obj, "condemned_by", a.entity, sent, 0.75)
                continue
            agent = subject_before(text, cpos, [a for a in agents if not a.generic and a not in inside])
            if agent is None and re.search(r"\band\s+(?:also\s+)?$", text[max(base, cpos - 12) : cpos]):
                # "X said on Monday that ... and condemned the sentence": the speaker condemns
                speaker = next(iter(sources(text, sent.start, cpos, ms)), None)
                agent = next((a for a in agents if speaker and a.entity == speaker.entity), None)
            if agent is None:
                agent = next((a for a in reversed(agents) if a.end <= cpos and not a.generic and a not in inside), None)
            if agent is None:
                continue
            objs = [e.entity for e in evs if e.start >= cpos] or targets
            if not objs:
                objs = self.condemned_thing(sent, base + cm.end())
            # "ALQST and Human Rights Watch both condemned": every conjunct of the subject
            subjects = [agent]
            before = [a for a in agents if a.end <= subjects[-1].start and not a.generic]
            while before and _CONJUNCT_GAP.fullmatch(text, before[-1].end, subjects[-1].start):
                subjects.append(before.pop())
            for obj in objs:
                for a in subjects:
                    self.add(obj, "condemned_by", a.entity, sent, 0.75)
        # "X, a 19-year-old student, who was killed in the protests"
        for p in ms:
            if p.type != "Person":
                continue
            km = KILLED_IN.match(text[p.end : min(sent.end, p.end + 160)])
            if km:
                at = p.end + km.end()
                ev = next((e for e in evs if e.type == "Event" and e.start <= at <= e.start + 4), None)
                if ev is not None:
                    self.add(p.entity, "killed_in", ev.entity, sent, 0.7, self.date_near(sent, p.end + km.end()))
        self.deaths(st, evs)
        if has_any(st.low, ("led", "headed", "chair", "presided", "commanded", "leads", "directs", "commands")):
            self.led_by(st)
        # perpetrators
        self.perpetrators(st, agents, evs, targets)
        # executions, arrests, sentences, trials
        self.executions(st, agents)
        self.named_among_executed(st)
        self.arrests(st, evs)
        self.trials(st, evs)
        self.death_sentences(st)
        self.participation(st, evs, agents)
        # "X ... related to EVENT"
        for e in evs if "related" in st.low else ():
            if RELATED.search(text[max(base, e.start - 15) : e.start]):
                prev = next(
                    (m for m in reversed(ms) if m.end <= e.start and m.entity != e.entity and m.type != "Event"), None
                )
                if prev is not None:
                    self.add(prev.entity, "related_to", e.entity, sent, 0.6)

    def group_referred(self, sent: Sentence, pos: int) -> list[str]:
        """ "They were sentenced", "the court sentenced the three men", "all four were hanged": the people the text
        just listed together, when the sentence refers to a group of them around ``pos``."""
        group, idx = self.last_group
        if not group or sent.index - idx > 3:
            return []
        window = self.text[max(sent.start, pos - 60) : min(sent.end, pos + 40)]
        ref = _GROUP_REF.search(window)
        if ref is None:
            return []
        count = ref.group("n")
        if count and (int(count) if count.isdigit() else word_value(count)) != len(group):
            return []
        return group

    def unnamed_event_places(self, st: _Sent) -> None:
        """ "Five more men were hanged in Ghezel Hesar", "Demonstrators gathered in Sanandaj": a sentence that tells
        of the hanging or the protest under discussion without naming it says where it happened."""
        personal = set(self.ctx.executions.values())
        for cm in _UNNAMED_EVENT_VERB.finditer(st.text):
            kinds = _EXECUTION_KINDS if cm.group("exe") else _UNREST_KINDS
            event = next(
                (
                    eid
                    for eid, idx in reversed(self.recent_events)
                    if st.s.index - idx <= 8
                    and (d := self.draft(eid)) is not None
                    and d.kind in kinds
                    and eid not in personal  # "the execution of X" is no group hanging told later
                ),
                None,
            )
            if event is None:
                return
            end = st.s.start + cm.end()
            for p in st.mentions:
                if p.type != "Place" or p.start < end or p.start - end > 40:
                    continue
                if _PLACE_AFTER_VERB.fullmatch(self.text, end, p.start):
                    place: Mention | None = p
                    while place is not None:  # "gathered in Sanandaj, Saqqez and Mahabad": every town of the list
                        self.add(event, "occurred_in", place.entity, st.s, 0.55, self.date_near(st.s, place.start))
                        gap = _PLACE_LIST.match(self.text, place.end, st.s.end)
                        place = next(
                            (q for q in st.mentions if q.type == "Place" and gap and q.start == gap.end()), None
                        )
                    break

    def main_events(self, evs: list[Mention]) -> list[Mention]:
        """The events up to the first that a clause describing an earlier one names ("the crackdown that followed
        the election": the crackdown)."""
        cut = next(
            (k for k in range(1, len(evs)) if _CLAUSE_BEFORE.search(self.text, evs[k - 1].end, evs[k].start)), None
        )
        return evs[:cut]

    def condemned_thing(self, sent: Sentence, pos: int) -> list[str]:
        """ "Amnesty condemned the arrests": the latest event or case of that kind the text has named."""
        m = _CONDEMNED_NOUN.match(self.text, pos, sent.end)
        if m is None:
            return []
        kinds = next(v for k, v in _KINDS_OF_NOUN.items() if m.group("noun").lower().startswith(k))
        for eid, idx in reversed(self.recent_events):
            if sent.index - idx > TOPIC_REACH:
                break
            d = self.draft(eid)
            if d is not None and ("Case" if d.type == "Case" else d.kind or "other") in kinds:
                return [eid]
        return []

    def capitals(self, st: _Sent) -> None:
        """ "Sanandaj is the capital of Kurdistan province", "Ahvaz, the capital of Khuzestan", "Mahshahr, the port
        city in Khuzestan province", "Mahabad and Bukan both lie in West Azerbaijan province"."""
        places = [m for m in st.mentions if m.type == "Place"]
        if len(places) < 2:
            return
        text = self.text
        for i, p in enumerate(places):
            link = _CAPITAL_OF.match(text, p.end)
            if link is None:
                continue
            outer = next((q for q in places[i + 1 :] if q.start == link.end()), None)
            if outer is None or self.kind(outer.entity) in ("city", "prison"):
                continue
            inner = [p]
            if link.group("lie"):  # "Mahabad and Bukan both lie in ...": every town of the list
                for q in reversed(places[:i]):
                    if re.fullmatch(r"\s*(?:,|and|,\s*and)\s+", text[q.end : inner[0].start]):
                        inner.insert(0, q)
                    else:
                        break
            for q in inner:
                if q.entity != outer.entity:
                    self.add(q.entity, "located_in", outer.entity, st.s, 0.7)

    def place_in_place(self, st: _Sent, m: Mention, prev: Mention | None) -> None:
        """ "Tehran's Evin Prison", "Zahedan's Makki Mosque": a place inside the place that possesses it;
        "Saqqez in Kurdistan province", "Mahshahr, in Khuzestan": a town in a province or country."""
        text = self.text
        before = (o for o in st.mentions if o.type == "Place" and o.end <= m.start)
        owner = next((o for o in before if _POSSESSIVE.fullmatch(text, o.end, m.start)), None)
        if owner is not None and owner.entity != m.entity and self.kind(owner.entity) != "prison":
            self.add(m.entity, "located_in", owner.entity, st.s, 0.7)
        near = next((o for o in st.mentions if o.type == "Place" and m.start - 40 <= o.end <= m.start), None)
        # "Khavaran cemetery, in south-east Tehran", "Evin Prison in northern Tehran"
        part_of = near is not None and _IN_PART_OF.fullmatch(text, near.end, m.start)
        if part_of and near is not None and near.entity != m.entity and self.kind(m.entity) != "prison":
            self.add(near.entity, "located_in", m.entity, st.s, 0.65)
        if prev is None or prev.type != "Place" or prev.entity == m.entity:
            return
        inner, outer = self.ctx.gz.country_of(prev.entity), self.ctx.gz.country_of(m.entity)
        same_country = inner is None or outer is None or inner == outer
        if (
            _IN_REGION.fullmatch(text, prev.end, m.start)
            and self.kind(m.entity) in ("province", "country", "region")
            and self.kind(prev.entity) in ("city", "other", None)
            and same_country
        ):
            self.add(prev.entity, "located_in", m.entity, st.s, 0.65)

    def led_by(self, st: _Sent) -> None:
        """ "the UN human rights office, then led by Michelle Bachelet", "Branch 15, headed by Judge X"."""
        text = self.text
        for lm in LED_BY.finditer(st.text):
            pos = st.s.start + lm.start()
            # after "by": the optional title the pattern reads may be the first name ("led by Michelle Bachelet")
            end = pos + _BY_WORD.search(lm.group()).end()  # type: ignore[union-attr]  (LED_BY has "by")
            org = next((o for o in reversed(st.mentions) if o.type == "Organisation" and o.end <= pos), None)
            person = next((p for p in st.mentions if p.type == "Person" and p.start >= end), None)
            if person is not None and not _LEADER_DESCRIBED.fullmatch(text, end, person.start):
                person = None
            if org is not None and person is not None and pos - org.end < 60:
                # a judge presiding over a court branch sits on the court
                court = self.kind(org.entity) == "judiciary" or re.search(r"(?i)\b(?:court|tribunal)\b", org.text)
                self.add(person.entity, "member_of" if court else "leader_of", org.entity, st.s, 0.7)

        for wm in _WHO_LEADS.finditer(st.text):
            pos, end = st.s.start + wm.start(), st.s.start + wm.end()
            org = next((o for o in st.mentions if o.type == "Organisation" and o.start == end), None)
            person = next((p for p in reversed(st.mentions) if p.type == "Person" and p.end <= pos), None)
            if org is not None and person is not None and pos - person.end < 60 and ";" not in text[person.end : pos]:
                self.add(person.entity, "leader_of", org.entity, st.s, 0.7)

    def deaths(self, st: _Sent, evs: list[Mention]) -> None:
        """People the text says died in the protest or massacre under discussion: "Among the dead were X and Y",
        "X, 27, was shot in the head by security forces in Karaj" (with the event in the sentence or just before)."""
        sent, text = st.s, self.text
        persons = [m for m in st.mentions if m.type == "Person" and m.kind != "pronoun"]
        if not persons or not has_any(st.low, _KW_DEATH):
            return
        found = list(DEATH.finditer(st.text))
        if not found:
            return
        events = [e.entity for e in evs if e.type == "Event" and self.kind(e.entity) in _DEATH_EVENT_KINDS]
        if not events:
            topic = self.implicit_event(sent)
            events = [topic] if topic and self.kind(topic) in _DEATH_EVENT_KINDS else []
        if not events:  # the protest or crackdown the text last named, a few paragraphs back
            events = [
                eid
                for eid, idx in reversed(self.recent_events)
                if sent.index - idx <= TOPIC_REACH and self.kind(eid) in _DEATH_EVENT_KINDS
            ][:1]
        if not events:
            return
        for dm in found:
            dpos = sent.start + dm.start()
            if dm.group("among"):
                victims = [p for p in persons if p.start > dpos]
            elif dm.group("listed"):
                victims = _chain(persons, sent.start + dm.end(), text)
            else:
                before = [p for p in persons if p.end <= dpos and text.count(";", p.end, dpos) == 0]
                victims = [p for p in before if not SPEAKER_GAP.search(text, p.end, dpos)][-1:]
            for p in victims:
                self.add(p.entity, "killed_in", events[0], sent, 0.6, self.date_near(sent, dpos))

    def _role_predicate(self, role: str) -> str | None:
        low = role.lower()
        for role_re, pred in _ROLE_WORDS_PLURAL:
            if role_re.search(low):
                return pred
        return None

    def relative_roles(self, st: _Sent) -> None:
        """ "X, a Norway-based group whose director is Y"; "the mission, whose other members are Y and Z";
        a sentence opening "Its director, Y," about the organisation the previous sentence began with."""
        sent, text = st.s, self.text
        persons = [m for m in st.mentions if m.type == "Person"]
        orgs = [m for m in st.mentions if m.type == "Organisation" and not m.generic]
        for wm in st.scan.finditer(WHOSE_ROLE, _KW_WHOSE):
            wpos = sent.start + wm.start()
            pred = self._role_predicate(wm.group("role"))
            org = next((o for o in reversed(orgs) if o.end <= wpos and wpos - o.end <= 80), None)
            if pred is None or org is None:
                continue
            pos = sent.start + wm.end()
            while True:
                p = next((m for m in persons if m.start == pos), None)
                if p is None:
                    break
                self.add(p.entity, pred, org.entity, sent, 0.75)
                gap = re.match(r"\s*(?:,\s*and|,|and)\s+", text[p.end : p.end + 8])
                if gap is None:
                    break
                pos = p.end + gap.end()
        for lm in st.scan.finditer(HEADS_ORG, _KW_HEADS):
            # "Raisi rose to head the judiciary", "Ortega, who leads the government", "who as minister led the army"
            at = sent.start + lm.end()
            org = next(
                (m for m in st.mentions if m.type == "Organisation" and (m.start == at or m.end > at >= m.start)), None
            )
            if org is None:
                continue
            lpos = sent.start + lm.start()
            who = next((p for p in reversed(persons) if p.end <= lpos), None)
            if who is not None and not SPEAKER_GAP.search(text, who.end, lpos):
                self.add(who.entity, "director_of" if lm.group("directs") else "leader_of", org.entity, sent, 0.7)
        for om in st.scan.finditer(MEMBERS_OF_ORG, _KW_MEMBERS):
            # "The other two members of the mission, the Chilean lawyer A and B, ..."
            at = sent.start + om.end()
            org = next(
                (
                    o
                    for o in orgs
                    if o.start <= at < o.end or (o.start >= at and _DESCRIBED_ORG.fullmatch(text, at, o.start))
                ),
                None,
            )
            if org is None or not text.startswith(",", org.end):
                continue
            stop = _CLAUSE_END.search(text, org.end + 1, sent.end)
            for p in persons:
                if org.end < p.start < (stop.start() if stop else min(sent.end, org.end + 150)):
                    self.add(p.entity, "member_of", org.entity, sent, 0.7)
        for p in persons:
            # "Hadi Ghaemi of the Center for Human Rights in Iran said", "Amnesty's Diana Eltahawy said"
            of = _PERSON_OF.match(text, p.end)
            org = next((o for o in orgs if of and o.start == of.end()), None)
            if org is None:
                before = (o for o in orgs if o.end < p.start)
                org = next((o for o in before if _ORG_POSSESSIVE.fullmatch(text, o.end, p.start)), None)
            if org is not None and self.kind(org.entity) not in ("state",):
                self.add(p.entity, "member_of", org.entity, sent, 0.65)
        mm = ITS_MEMBERS.match(st.text)
        if mm and sent.index > 0:
            # "Its members included A, the judge; B, then the prosecutor; and C": the body the sentence before named
            prev = self.ctx.sentences[sent.index - 1]
            body = [m for m in self.ctx.mentions_in(prev.start, prev.end) if m.type == "Organisation" and not m.generic]
            if body:
                for p in persons:
                    if p.start >= sent.start + mm.end():
                        self.add(p.entity, "member_of", body[-1].entity, sent, 0.7)
        im = ITS_ROLE.match(st.text)
        if im and sent.index > 0:
            pred = self._role_predicate(im.group("role"))
            p = next((m for m in persons if m.start == sent.start + im.end()), None)
            prev = self.ctx.sentences[sent.index - 1]
            first = next(
                (m for m in self.ctx.mentions_in(prev.start, prev.end) if m.type == "Organisation" and not m.generic),
                None,
            )
            if pred and p is not None and first is not None and self.kind(first.entity) not in STATE_KINDS:
                self.add(p.entity, pred, first.entity, sent, 0.7)
        for rm in _ITS_ROLE_INSIDE.finditer(st.text):
            # "The interior ministry gave a lower figure: its spokeswoman, Olga Chemodanova, said": the body the
            # sentence is about
            at = sent.start + rm.end()
            p = next((m for m in persons if m.start == at), None)
            subject = next((o for o in st.mentions if o.type == "Organisation"), None)
            pred = self._role_predicate(rm.group("role"))
            if subject is None or not re.fullmatch(r"(?:[Tt]he\s+)?", self.text[sent.start : subject.start]):
                continue  # the body must open the sentence
            if p is not None and pred and subject.end <= sent.start + rm.start():
                self.add(p.entity, pred, subject.entity, sent, 0.65)

    def perpetrators(self, st: _Sent, agents: list[Mention], evs: list[Mention], targets: list[str]) -> None:
        sent, text = st.s, self.text
        base = sent.start
        if not targets:
            return
        date = None
        for vm in st.scan.finditer(VIOLENCE_VERB, _KW_VIOLENCE_VERB):
            vpos = base + vm.start()
            vend = base + vm.end()
            found: list[str] = []
            if vm.group().startswith(("arrested", "rounded")) and (
                _ARREST_NO_OBJECT.match(text, vend) or _PASSIVE_BEFORE.search(text[max(base, vpos - 25) : vpos])
            ):
                continue  # "Nouri, arrested in Sweden": the arrested person, not an arresting force
            by = _WORD_BY.match(text, vend)
            if by:
                first = next((a for a in agents if a.start >= vend and a.start - by.end() < 12), None)
                if first is not None:
                    found.append(first.entity)
                    tail = text[first.end : sent.end]
                    inc = re.match(r"\s*[-,(]?\s*including\s+", tail)
                    prev_a = first
                    for a in agents:  # "put down by the police and the Basij"
                        if a.start > prev_a.end and re.fullmatch(
                            r"\s*(?:,|and|,\s*and)\s+(?:the\s+)?", text[prev_a.end : a.start]
                        ):
                            found.append(a.entity)
                            prev_a = a
                    if inc:
                        for a in agents:
                            if a.start > first.end and a.start < first.end + 140:
                                found.append(a.entity)
            else:
                prev = [a for a in agents if a.end <= vpos and vpos - a.end < 120]
                subj = prev[-1] if prev else None
                for a in prev:
                    if ORDER_OF.search(text[max(base, a.start - 40) : a.start]):
                        found.append(a.entity)
                        subj = next((b for b in reversed(prev) if b.end <= a.start), subj)
                        break
                if subj is not None and re.search(
                    r"\b(?:was|were|been)\s+(?:\w+\s+)?(?:killed|shot|executed|hanged|arrested|injured|wounded)\b",
                    text[subj.end : vpos],
                ):
                    subj = None  # "X, 17, was killed in the protests when police opened fire": X is a victim
                if subj is not None:
                    # "members of the IRGC, the Basij militia and plainclothes agents fired": every conjunct acts
                    k = prev.index(subj)
                    while k > 0 and _CONJUNCT_GAP.fullmatch(text, prev[k - 1].end, prev[k].start):
                        k -= 1
                        if self.kind(prev[k].entity) not in NON_PERPETRATOR_KINDS:
                            found.append(prev[k].entity)
                if subj is not None and self.kind(subj.entity) not in NON_PERPETRATOR_KINDS:
                    between = text[subj.end : vpos]
                    passive = re.search(
                        r"\b(?:those|were|was|been|be|being|are|is)\s+(?:\w+\s+)?$", text[max(base, vpos - 20) : vpos]
                    )
                    if not passive and (
                        not re.search(
                            r"\b(?:said|says|reported|according|claimed|claiming|condemned|denounced|released|named)\b",
                            between,
                        )
                        or re.search(r"\b(?:that)\s", between[-60:])
                    ):
                        found.insert(0, subj.entity)
                # possessor of the subject: "the Iranian regime's security forces ... killed"
                if subj is not None:
                    poss = next(
                        (a for a in agents if a.end == subj.start - 3 and text[a.end : a.end + 2] == "'s"), None
                    )
                    if poss is not None:
                        found.append(poss.entity)
            for agent in found:
                if self.draft(agent) is None or self.kind(agent) in NON_PERPETRATOR_KINDS:
                    continue
                for ev in targets:
                    self.perpetrator(ev, agent, sent, 0.7, date)
        # "the regime sent the IRGC, the Basij and the police onto the streets to crush the protests": the sender and
        # everyone sent
        for dm in st.scan.finditer(DEPLOYED_TO_CRUSH, _KW_DEPLOYED):
            dpos, dend = base + dm.start(), base + dm.end()
            sent_in = [a for a in agents if base + dm.end("verb") <= a.start and a.end <= dend]
            sender = next((a for a in reversed(agents) if a.end <= dpos and dpos - a.end < 40), None)
            for a in ([sender] if sender else []) + sent_in:
                if self.kind(a.entity) not in NON_PERPETRATOR_KINDS:
                    for ev in targets:
                        self.perpetrator(ev, a.entity, sent, 0.65)
        # "executed on the orders of Ruhollah Khomeini", "at the order of the governor": who ordered it
        for om in st.scan.finditer(ON_ORDERS_OF, _KW_ORDERS):
            agent = next((a for a in agents if a.start == base + om.end()), None)
            role = _ROLE_THEN_NAME.match(text, base + om.end()) if agent is None else None
            if role is not None:  # "on the orders of the regime's founder, Ruhollah Khomeini"
                agent = next((a for a in agents if a.start == role.end() and a.type == "Person"), None)
            if agent is not None and self.kind(agent.entity) not in NON_PERPETRATOR_KINDS:
                for ev in targets:
                    self.add(ev, "perpetrated_by", agent.entity, sent, 0.7)
        # possessive: "the regime's crackdown", "the Iranian regime's use of lethal force"
        for a in agents:
            if self.kind(a.entity) in NON_PERPETRATOR_KINDS:
                continue
            m = VIOLENCE_NOUN.match(text[a.end : a.end + 60])
            if m:
                # "the regime's shooting down of the airliner": the event phrase the possessor opens, else the next
                owning = [e.entity for e in evs if e.start <= a.start < e.end]
                after = owning or [e.entity for e in evs if e.start >= a.end]
                for ev in after[:1] or targets:
                    self.perpetrator(ev, a.entity, sent, 0.7)
        # "he is a known perpetrator of the 1988 genocide"
        for pm in st.scan.finditer(PERPETRATOR, _KW_PERPETRATOR):
            ppos = base + pm.start()
            ev = next((e for e in evs if e.start >= ppos), None)
            if ev is None:
                continue
            who = next((a for a in reversed(agents) if a.end <= ppos), None)
            pid = who.entity if who else None
            if _PRONOUN_PERSON.search(text[max(base, ppos - 30) : ppos]):
                pid = self.resolve_pronoun(st, ppos)
            if pid:
                self.add(ev.entity, "perpetrated_by", pid, sent, 0.75, self.date_near(sent, ev.start))
        # security forces named next to violence in the sentence
        violence_cue = None
        for a in agents:
            if self.kind(a.entity) != "security-force":
                continue
            if _IN_CUSTODY_OF.search(text, max(base, a.start - 40), a.start):
                continue  # "Mahsa Amini died in the custody of the morality police": a death in custody, not the event
            if violence_cue is None:
                violence_cue = st.scan.search(VIOLENCE_CUE, _KW_VIOLENCE_CUE) is not None
            if violence_cue:
                for ev in targets:
                    self.perpetrator(ev, a.entity, sent, 0.6)

    def perpetrator(self, ev: str, agent: str, sent: Sentence, conf: float, date: str | None = None) -> None:
        """The agent of a person's execution executed that person; other events were perpetrated by it."""
        victim = next((p for p, e in self.ctx.executions.items() if e == ev), None)
        if self.ctx.type_of(ev) == "Case":
            return
        if victim is not None:
            self.add(victim, "executed_by", agent, sent, conf, date)
        else:
            self.add(ev, "perpetrated_by", agent, sent, conf, date)

    def executions(self, st: _Sent, agents: list[Mention]) -> None:
        sent, text = st.s, self.text
        base = sent.start
        for xm in st.scan.finditer(EXECUTE, _KW_EXECUTE):
            xpos, xend = base + xm.start(), base + xm.end()
            persons = [m for m in st.mentions if m.type == "Person"]
            before = text[max(base, xpos - 20) : xpos]
            victims: list[str] = []
            if re.search(r"\b(?:was|were|been|be|being|is|are)\s+(?:\w+\s+)?$", before) or re.search(
                r",\s*who\s+was\s+$", before
            ):
                victims = [
                    p.entity
                    for p in persons
                    if p.end <= xpos
                    and not re.search(r"\bat\s+risk\b", text[p.end : xpos])
                    and not SPEAKER_GAP.search(text, p.end, xpos)  # "X said that five men were hanged"
                    and not OTHER_SUBJECT.search(text, p.end, xpos)  # "he was shocked that 901 people were ..."
                    and not _ORDERED_BY.search(text, max(base, p.start - 60), p.start)  # "on the orders of X, ..."
                ]
                if victims and len(victims) > 1 and not re.search(r"\bboth\b|\band\b", text[base:xpos]):
                    victims = victims[-1:]
            else:
                after = [
                    p
                    for p in persons
                    if p.start >= xend
                    and p.start - xend < 45
                    and not re.search(r"\b(?:during|under|in|after|before|by)\b", text[xend : p.start])
                ]
                victims = [after[0].entity] if after else []
            if not victims and re.match(r"^(?:He|She)\s+(?:was|had\s+been)\s+(?:\w+\s+)?$", text[base:xpos]):
                pid = self.last_person
                victims = [pid] if pid else []  # "He was put to death in Dammam."
            if not victims and re.match(r"^(?:They|The|All|Both)\b", text[base:xpos]):
                victims = self.group_referred(sent, xpos)  # "The three men were hanged in Ghezel Hesar."
            if not victims:
                if agents and self.ctx.group_executions:
                    self.group_perpetrator(st, agents, xpos)
                continue
            date = self.date_near(sent, xpos)
            place = self.place_for(st, xend)
            # "hanged in connection with the Woman, Life, Freedom uprising": executed in the course of an event, said
            # in the sentence or just before ("... executions linked to the protests. Among them were X and Y")
            for ev in self.linked_protests(st, xpos):
                for v in victims:
                    self.add(v, "executed_in", ev, sent, 0.65, date)

            agent = None
            by = _BY_THE.match(text, xend)
            if by:
                agent = next((a.entity for a in agents if a.start >= xend and a.start - xend < 20), None)
            if agent is None:
                subj = next((a for a in reversed(agents) if a.end <= xpos and a.entity not in victims), None)
                if subj is not None and self.kind(subj.entity) in STATE_KINDS:
                    agent = subj.entity
            if agent is None:
                agent = self.state_actor(st.mentions) or self.previous_state_actor(sent)
            fallback = place == self.ctx.main_country and not any(
                m.entity == place for m in st.mentions if m.type == "Place"
            )
            for v in victims:
                self.add(v, "executed_in", place, sent, 0.5 if fallback else 0.75, date)
                ev = self.draft(self.ctx.executions.get(v, ""))
                named = not fallback and ev is not None and ev.mentions and self.kind(place) != "country"
                if named and ev is not None:  # the hanging the text names took place in that prison or town
                    self.add(ev.id, "occurred_in", place, sent, 0.7, date)
                if agent:
                    self.add(v, "executed_by", agent, sent, 0.65, date)

    def named_among_executed(self, st: _Sent) -> None:
        """ "Among the 26 men hanged at Ghezel Hesar, the group identified A; B, 36; and C"; "X was one of at least
        five prisoners hanged in Qezelhesar": the group hanging the sentence tells of."""
        sent = st.s
        one = ONE_OF_EXECUTED.search(st.text)
        group = next((g for g in self.ctx.group_executions if g[2] == sent.index), None)
        if one and group:
            at = sent.start + one.start()
            who = next((p for p in reversed(st.mentions) if p.type == "Person" and p.end <= at), None)
            for where in (group[0], group[1]) if who is not None else ():
                if where:  # the group hanging, and its prison when the sentence names it
                    self.add(who.entity, "executed_in", where, sent, 0.65, self.date_near(sent, at))
        among = AMONG_EXECUTED.search(st.text)
        if not among:
            return
        at = next((m for m in st.mentions if m.type == "Place" and m.start == sent.start + among.end()), None)
        if at is None:
            return
        for p in st.mentions:
            if p.type == "Person" and p.start > at.end and p.kind != "pronoun":
                self.add(p.entity, "executed_in", at.entity, sent, 0.65, self.date_near(sent, at.start))

    def linked_protests(self, st: _Sent, xpos: int) -> list[str]:
        """Protests an execution is tied to: named after the verb in the sentence, or named in the sentence before
        after "in connection with", "linked to", "over" ..."""
        out = [
            e.entity
            for e in st.mentions
            if e.type == "Event" and self.kind(e.entity) in ("protest", "crackdown") and e.start > xpos
        ]
        if not out and st.s.index > 0:
            prev = self.ctx.sentences[st.s.index - 1]
            for e in self.ctx.mentions_in(prev.start, prev.end):
                protest = e.type == "Event" and self.kind(e.entity) in ("protest", "crackdown")
                if protest and LINKED_TO.search(self.text, max(prev.start, e.start - 45), e.start):
                    out.append(e.entity)
        return out

    def group_perpetrator(self, st: _Sent, agents: list[Mention], xpos: int) -> None:
        """ "Iranian authorities executed at least 29 prisoners": the agent of a group execution perpetrated it."""
        event = next((eid for eid, _place, idx in self.ctx.group_executions if idx == st.s.index), None)
        agent = next((a for a in reversed(agents) if a.end <= xpos and xpos - a.end < 40), None)
        if event is not None and agent is not None and self.kind(agent.entity) in STATE_KINDS:
            self.add(event, "perpetrated_by", agent.entity, st.s, 0.65, self.date_near(st.s, xpos))

    def previous_state_actor(self, sent: Sentence) -> str | None:
        if sent.index == 0:
            return None
        prev = self.ctx.sentences[sent.index - 1]
        ms = self.ctx.mentions_in(prev.start, prev.end)
        if re.search(r"\bexecution", self.text[prev.start : prev.end], re.I):
            return self.state_actor(ms)
        return None

    def active_arrests(self, st: _Sent) -> None:
        """ "security forces arrested A, B and C in Riyadh": the people after an active arrest verb."""
        sent, text = st.s, self.text
        persons = [m for m in st.mentions if m.type == "Person"]
        for am in st.scan.finditer(ACTIVE_ARREST, _KW_ACTIVE_ARREST):
            aend = sent.start + am.end()
            apos = sent.start + am.start()
            if _PASSIVE_BEFORE.search(text[max(sent.start, apos - 25) : apos]):
                continue
            # "arrested the activists X and Y", "arrested his brother, X"
            pronoun = _OBJECT_PRONOUN.match(text, aend)
            if pronoun is not None:
                # "officers detained her in Abu Dhabi": the person the text is about
                pid = self.resolve_pronoun(st, apos)
                whom = [pid] if pronoun.group(1) in ("him", "her") and pid else self.group_referred(sent, aend)
                place = self.place_right_after(st, pronoun.end())
                for w in whom if place is not None else []:
                    self.add(w, "arrested_in", place.entity, sent, 0.65, self.date_near(sent, aend))
                continue
            lead = re.match(r"\s+(?:the\s+)?(?:(?:[a-z][\w-]*),?\s+){0,3}?(?=[A-Z])", text[aend : aend + 60])
            if lead is None:
                continue
            pos = aend + lead.end()
            found: list[Mention] = []
            while True:
                p = next((m for m in persons if m.start == pos), None)
                if p is None:
                    break
                found.append(p)
                gap = _LIST_GAP.match(text[p.end : p.end + 40])
                if gap is None:
                    break
                pos = p.end + gap.end()
            if not found:
                # "arrested dozens of Baha'is in raids on their homes in Shiraz, including Mahvash Sabet"
                inc = _INCLUDING.search(text, aend, min(sent.end, aend + 160))
                if inc is None:
                    continue
                found = _chain(persons, inc.end(), text)
                place = next(
                    (
                        m
                        for m in reversed(st.mentions)
                        if m.type == "Place"
                        and aend < m.start < inc.start()
                        and self.kind(m.entity) != "prison"
                        and re.search(r"\b(?:in|at)\s+(?:the\s+)?$", text[max(aend, m.start - 12) : m.start])
                    ),
                    None,
                )
                for p in found if place is not None else []:
                    self.add(p.entity, "arrested_in", place.entity, sent, 0.6, self.date_near(sent, aend))
                continue
            tail = text[found[-1].end : sent.end]
            pm = _ARRESTED_WHERE.match(tail)
            place = (
                next((m for m in st.mentions if m.type == "Place" and m.start == found[-1].end + pm.end()), None)
                if pm
                else None
            )
            confidence = 0.75
            if place is None:
                # "police stopped a car in Brussels and arrested A and B": the place of the clause before
                place = next(
                    (
                        m
                        for m in reversed(st.mentions)
                        if m.type == "Place"
                        and m.end <= apos
                        and self.kind(m.entity) != "prison"
                        and _LOCATIVE_BEFORE.search(text, max(sent.start, m.start - 30), m.start)
                        and _SAME_CLAUSE.fullmatch(text, m.end, apos)
                    ),
                    None,
                )
                confidence = 0.6
            if place is None:
                continue
            date = self.date_near(sent, aend)
            for p in found:
                self.add(p.entity, "arrested_in", place.entity, sent, confidence, date)

    def arrests(self, st: _Sent, evs: list[Mention]) -> None:
        """Who was arrested, where and in which event, within the clause of an arrest word: "X was arrested in
        November 2022 in the town of Sahneh, during the protests", "A and B, who were detained in Damascus",
        "since their arrest in September 2022, days after the protests began"."""
        sent, text = st.s, self.text
        self.active_arrests(st)
        if not has_any(st.low, _KW_ARREST):
            return
        self.arrested_among(st, evs)
        persons = [m for m in st.mentions if m.type == "Person"]
        for am in ARREST_WORD.finditer(st.text):
            apos, aend = sent.start + am.start(), sent.start + am.end()
            if am.group("poss"):
                who = self.possessor_persons(st, am.group("poss"), apos)
            elif _PASSIVE_BEFORE.search(text, max(sent.start, apos - 25), apos):
                clause = sent.start + st.text.rfind(";", 0, am.start()) + 1  # the sentence start when there is none
                who = [
                    p.entity
                    for p in persons
                    if clause <= p.start and p.end <= apos and not SPEAKER_GAP.search(text, p.end, apos)
                ]
                if len(who) > 1 and not re.search(r"\b(?:and|both|all)\b", text[clause:apos]):
                    who = who[-1:]
                if not who and re.match(r"\s*(?:They|The|All|Both)\b", text[clause:apos]):
                    who = self.group_referred(sent, apos)  # "They were arrested in Bukan in 2009."
                if not who and _SUBJECT_PRONOUN.search(text, max(clause, apos - 30), apos):
                    pid = self.resolve_pronoun(st, apos)  # "Zam travelled to Iraq, where he was seized"
                    who = [pid] if pid else []
            else:
                # "an Iranian prison official arrested in Sweden": a participle right after the person
                who = [p.entity for p in persons if p.end <= apos and re.fullmatch(r"\s*,?\s*", text[p.end : apos])]
            if not who:
                continue
            stop = _CLAUSE_STOP.search(text, aend, sent.end)
            window_end = min(stop.start() if stop else sent.end, aend + 110)
            date = self.date_near(sent, apos)
            place = next(
                (
                    m
                    for m in st.mentions
                    if m.type == "Place"
                    and aend <= m.start < window_end
                    and self.kind(m.entity) != "prison"
                    # "arrested in the Bandar Abbas protests" names the protests, "the protests in Saqqez" a town
                    and not any(
                        e.start <= m.start < e.end and not re.search(r"\bin\s+$", text[e.start : m.start]) for e in evs
                    )
                    and _PLACE_GAP.fullmatch(text, aend, m.start)
                ),
                None,
            )
            if place is None:  # "Zam travelled to Iraq, where he was seized"
                place = next(
                    (
                        m
                        for m in st.mentions
                        if m.type == "Place" and m.end < apos and _WHERE_SUBJECT.fullmatch(text, m.end, apos)
                    ),
                    None,
                )
            event = next(
                (e for e in evs if e.type == "Event" and aend <= e.start < min(sent.end, aend + 130)),
                None,
            )
            together = _TOGETHER_WITH.search(text, aend, window_end + 40)
            if together is not None:  # "was arrested in Berlin together with X"
                who += [p.entity for p in persons if p.start == together.end()]
            for pid in dict.fromkeys(who):
                if place is not None:
                    self.add(pid, "arrested_in", place.entity, sent, 0.7, date)
                if event is not None and _EVENT_GAP.fullmatch(text, aend, event.start):
                    self.add(pid, "arrested_in", event.entity, sent, 0.65, date)

    def place_right_after(self, st: _Sent, pos: int) -> Mention | None:
        """The town named right after an arrest ("... in Abu Dhabi", "... on arrival in Stockholm")."""
        gap = _PLACE_GAP.match(self.text, pos, st.s.end)
        if gap is None:
            return None
        return next(
            (m for m in st.mentions if m.type == "Place" and m.start == gap.end() and self.kind(m.entity) != "prison"),
            None,
        )

    def arrested_among(self, st: _Sent, evs: list[Mention]) -> None:
        """ "Among those arrested was the opposition politician X": arrested in the protest or crackdown the
        sentence names, or the one under discussion."""
        am = _AMONG_ARRESTED.search(st.text)
        if am is None:
            return
        sent = st.s
        at = sent.start + am.end()
        events = [e.entity for e in evs if e.type == "Event" and self.kind(e.entity) in _ARREST_EVENT_KINDS]
        events = (
            events
            or [
                eid
                for eid, idx in reversed(self.recent_events)
                if sent.index - idx <= TOPIC_REACH and self.kind(eid) in _ARREST_EVENT_KINDS
            ][:1]
        )
        lead = re.match(r"\s*(?:the\s+|a\s+)?(?:[a-z][\w-]*\s+){0,3}?(?=[A-Z])", self.text[at : at + 60])
        persons = [m for m in st.mentions if m.type == "Person" and m.kind != "pronoun"]
        who = _chain(persons, at + lead.end(), self.text) if lead else []
        for p in who:
            for ev in events:
                self.add(p.entity, "arrested_in", ev, sent, 0.6, self.date_near(sent, at))

    def possessor_persons(self, st: _Sent, possessive: str, pos: int) -> list[str]:
        """ "his arrest": the person a pronoun stands for; "their arrest": the people the last sentences name."""
        if possessive.lower() in ("his", "her"):
            pid = self.resolve_pronoun(st, pos)
            return [pid] if pid else []
        before = [m for m in st.mentions if m.type == "Person" and m.end <= pos]
        if not before and st.s.index > 0:
            prev = self.ctx.sentences[st.s.index - 1]
            before = [m for m in self.ctx.mentions_in(prev.start, prev.end) if m.type == "Person"]
        return list(dict.fromkeys(m.entity for m in before))

    def trials(self, st: _Sent, evs: list[Mention]) -> None:
        sent = st.s
        cases = [e for e in evs if e.type == "Case"]
        persons = [m.entity for m in st.mentions if m.type == "Person"]
        for c in cases:
            cl = next((x for x in self.ctx.clusters if x.draft is not None and x.draft.id == c.entity), None)
            if cl is not None and cl.person and cl.person not in persons:
                persons.append(cl.person)
        if not (cases or persons):
            return
        uj = st.scan.search(UJ, _KW_UJ) is not None
        if not uj and not st.scan.search(TRIED, _KW_TRIED) and not st.scan.search(_TRIED_IN, _KW_TRIED_IN):
            return
        if uj:
            places = [m.entity for m in st.mentions if m.type == "Place"]
            if len(set(places)) > 1:
                places = [p for p in places if p != self.ctx.main_country]
            named = {pid for w in re.findall(r"\b[A-Z][a-z]+\b", st.text) if (pid := self.ctx.gz.demonyms.get(fold(w)))}
            if len(named | set(places)) > 1:
                named.discard(self.ctx.main_country)  # "a Swedish court tried an Iranian": not the main country
            places += [self._ensure_place(pid) or pid for pid in sorted(named)]
            countries = [
                p
                for p in places
                if self.kind(p) == "country"
                or (self.ctx.gz.places.get(p) is not None and self.ctx.gz.places[p].kind == "country")
            ]
            if not countries:
                countries = [c for c in (self.country_of(p) for p in places) if c]
            # the trial of the person tried, named elsewhere in the text ("The trial of X opened ...")
            trials = [
                cl.draft.id
                for cl in self.ctx.clusters
                if cl.draft is not None and cl.draft.type == "Case" and cl.person in persons[:1]
            ]
            for p in countries[:1]:
                for x in dict.fromkeys([c.entity for c in cases] + trials + persons[:1]):
                    self.add(x, "tried_under_universal_jurisdiction", p, sent, 0.7, self.date_near(sent, sent.start))
        # "The trial of X opened in Stockholm": the person of a trial was tried where it took place
        for c in cases:
            tm = TRIAL_HELD.match(self.text, c.end, sent.end)
            place = next((m for m in st.mentions if m.type == "Place" and tm and m.start == tm.end()), None)
            if place is None:  # "The trial of X took place in Stockholm" read as one phrase
                place = next(
                    (
                        m
                        for m in st.mentions
                        if m.type == "Place"
                        and c.start < m.start < c.end
                        and _HELD_IN.search(self.text, c.start, m.start)
                    ),
                    None,
                )
            cl = next((x for x in self.ctx.clusters if x.draft is not None and x.draft.id == c.entity), None)
            person = cl.person if cl is not None else None
            if person is None:  # a case the authority file knows: its subject as the text states it
                person = next((k[0] for k in self.out if k[1] == "subject_of" and k[2] == c.entity), None)
            if place is not None and person:
                self.add(person, "tried_in", place.entity, sent, 0.65, self.date_near(sent, c.start))
        # "tried in X" / "court in X"
        for tm in st.scan.finditer(_TRIED_IN, _KW_TRIED_IN):
            pos = sent.start + tm.end()
            place = next((m for m in st.mentions if m.type == "Place" and m.start == pos), None)
            if place is None or re.search(r"(?i)\binvestigat", st.text):
                continue
            for x in persons[:1]:
                self.add(x, "tried_in", place.entity, sent, 0.6)

    def death_sentences(self, st: _Sent) -> None:
        """ "The Revolutionary Court of Ahvaz sentenced A, B and C to death", "X received a death sentence from the
        court", "The three men were sentenced to death by ...": who sentenced whom."""
        sent = st.s
        persons = [p for p in st.mentions if p.type == "Person"]
        for sm in st.scan.finditer(SENTENCED, _KW_SENTENCED):
            spos, send = sent.start + sm.start(), sent.start + sm.end()
            agent = next((a for a in reversed(st.mentions) if a.type == "Organisation" and a.end <= spos), None)
            if re.match(r".{0,40}?\b(?:by|from)\s+(?:the\s+|a\s+)?", self.text[send : sent.end]):
                agent = next((a for a in st.mentions if a.type == "Organisation" and a.start >= send), agent)
            # "sentenced A, B and C to death": the people between the verb and "to death"
            victims = [p.entity for p in persons if spos < p.start < send]
            to_whom = _SENTENCE_TO.match(self.text, send)  # "handed down a death sentence to X"
            if to_whom:
                victims += [p.entity for p in _chain(persons, to_whom.end(), self.text)]
            among = _AMONG_THEM.match(self.text, send, sent.end)
            if among:  # "sentenced 75 people to death, among them X and Y"
                victims += [p.entity for p in persons if p.start >= among.end()]
            if not victims:
                # "X was sentenced to death", "X, who was later sentenced": the person before, not a speaker
                before = [p for p in persons if p.end <= spos and not SPEAKER_GAP.search(self.text, p.end, spos)]
                victims = [before[-1].entity] if before else []
            if not victims and re.match(r"\s*(?:him|her)\b", self.text[spos + len("sentenced") : spos + 20]):
                victims = [self.last_person] if self.last_person else []  # "the court sentenced him to death"
            if not victims:
                victims = self.group_referred(sent, spos)  # "The three men were sentenced to death by ..."
            if agent is not None and self.is_court(agent):
                for vid in victims:
                    self.add(vid, "sentenced_to_death_by", agent.entity, sent, 0.65)

    def is_court(self, m: Mention) -> bool:
        """A court, a tribunal or the judiciary, however the text names it ("the SCC")."""
        d = self.draft(m.entity)
        names = f"{m.text} {d.name if d is not None else ''}"
        return self.kind(m.entity) == "judiciary" or re.search(r"(?i)\b(?:court|tribunal|judge)\b", names) is not None

    def participation(self, st: _Sent, evs: list[Mention], agents: list[Mention]) -> None:
        sent, text = st.s, self.text
        base = sent.start
        for pm in st.scan.finditer(PARTICIPATE, _KW_PARTICIPATE):
            ppos = base + pm.start()
            ev = next((e for e in evs if e.type == "Event" and e.start >= base + pm.end() - 1), None)
            if ev is None or _ACCUSED.search(text, max(base, ppos - 40), ppos):
                continue  # "accused of taking part in the protests" is the charge, not a fact the text states
            who = next((a for a in reversed(agents) if a.end <= ppos and a.type == "Person"), None)
            pid = who.entity if who else None
            if (
                pid is None
                or _PRONOUN_PERSON.search(text[max(base, ppos - 25) : ppos])
                or re.search(r"\btheir\s+$", text[max(base, ppos - 8) : ppos])
            ):
                pid = pid or self.resolve_pronoun(st, ppos)
            if pid:
                self.add(pid, "participated_in", ev.entity, sent, 0.7, self.date_near(sent, ev.start))
        for a in agents:
            m = MEMBER_OF.search(text[max(base, a.start - 45) : a.start])
            if m and a.type == "Organisation":
                who = next((p for p in reversed(agents) if p.type == "Person" and p.end <= a.start), None)
                pid = who.entity if who else None
                if pid:
                    self.add(pid, "member_of", a.entity, sent, 0.7, self.date_near(sent, a.start))
        for e in evs:
            d = self.draft(e.entity)
            if d is None or d.kind != "election":
                continue
            if not st.scan.search(ELECTION_WIN, _KW_ELECTION):
                continue
            for p in [a for a in agents if a.type == "Person"]:
                self.add(p.entity, "participated_in", e.entity, sent, 0.6)

    def places_in_names(self) -> None:
        """ "Karaj Central Prison", "the Stockholm District Court", "the Revolutionary Court of Hamedan": an
        institution named after a town the text also names on its own lies in that town."""
        drafts = self.ctx.table.drafts.values()
        towns: dict[str, str] = {}
        for d in drafts:
            if d.type == "Place" and d.kind not in ("country", "prison") and any(m.kind == "name" for m in d.mentions):
                for form in (d.name, *d.aliases):
                    towns.setdefault(fold(form), d.id)
        if not towns:
            return
        for d in drafts:
            if d.type not in ("Organisation", "Place") or not d.mentions:
                continue
            town = next((towns[f] for f in map(fold, town_forms(d.name)) if f in towns), None)
            sent = self._sentence_at(d.mentions[0].start)
            if town is not None and town != d.id and sent is not None:
                self.add(d.id, "located_in", town, sent, 0.6)


def _chain(persons: list[Mention], pos: int, text: str) -> list[Mention]:
    """The persons named one after another from ``pos``: "X", "X and Y", "X, Y and Z" (each maybe with an
    apposition of its own, "X, 22, and Y")."""
    out: list[Mention] = []
    for p in persons:
        if p.start < pos:
            continue
        if p.start != pos and not (out and _CHAIN_GAP.fullmatch(text, out[-1].end, p.start)):
            break
        out.append(p)
    return out


_CHAIN_GAP = re.compile(r"(?:,\s+\d{1,3})?(?:,\s*|\s+)(?:and\s+)?")


def find_relations(ctx: DocContext) -> list[dict]:
    return RelationFinder(ctx).run()
