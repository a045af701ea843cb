"""Texts for the near-copy tests: one wire story of our own and the copies others make of it."""

STORY = (
    "About 3,000 North Korean troops have moved to the Kursk region in the past week, "
    "Ukraine's military intelligence agency said on Friday, bringing the number it believes "
    "are deployed there to about 11,000. The agency said the soldiers had trained at bases in "
    "Russia's far east before travelling west by train. It gave no evidence for the figure, "
    "which could not be independently verified. Russia's defence ministry did not respond to "
    "a request for comment. South Korea's spy agency said last month that Pyongyang had sent "
    "at least 10,000 troops, and officials in Seoul said more could follow. The deployment "
    "has alarmed Ukraine's allies, who fear the troops could be used in an offensive to "
    "retake territory in Kursk that Ukrainian forces seized in August."
)

BYLINE = "By A. Correspondent (Global Wire)\n\n" + STORY
TAG_LINE = STORY + " (Global Wire) Copyright 2024. All rights reserved."
TITLE_CASE = STORY.replace("North Korean troops", "North Korean Troops").replace(".", " .")
ONE_SENTENCE_REWRITTEN = STORY.replace(
    "The agency said the soldiers had trained at bases in Russia's far east before travelling "
    "west by train.",
    "According to the agency, the men were drilled for weeks in eastern Russia and then sent west.",
)
TWO_SENTENCES_CUT = STORY.replace(
    "Russia's defence ministry did not respond to a request for comment. ", ""
).replace("It gave no evidence for the figure, which could not be independently verified. ", "")

# Independent reporting of the same events, sharing one sentence with the story.
OTHER_STORY = (
    "Ukrainian officials said on Friday that North Korean units were taking part in assaults "
    "near the village of Plekhovo, the first such reports from the front. About 3,000 North "
    "Korean troops have moved to the Kursk region in the past week. A commander of a "
    "Ukrainian brigade said his soldiers had intercepted radio traffic in Korean and had "
    "taken two prisoners, whose identities could not be confirmed. Moscow has not commented "
    "on the reports, and Pyongyang has called them groundless."
)
