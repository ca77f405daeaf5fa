"""studysift's spaCy components; importing this package registers every factory."""

from extractor.components import coi, conditions, design, interventions, outcomes, sample_size, sentences, studies

# Pipeline order (factory names): entity components first, then the study mentions that anchor record assembly.
COMPONENTS = [
    "studysift_conditions",
    "studysift_interventions",
    "studysift_outcomes",
    "studysift_design",
    "studysift_sample_size",
    "studysift_coi",
    "studysift_study_mentions",
]

__all__ = [
    "COMPONENTS",
    "coi",
    "conditions",
    "design",
    "interventions",
    "outcomes",
    "sample_size",
    "sentences",
    "studies",
]
