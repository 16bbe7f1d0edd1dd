"""Which nerve and which root supply the muscle behind each tested movement (data only).

Source for the nerve groupings: Medical Research Council. Aids to the examination of the
peripheral nervous system (Memorandum No. 45, 1976), whose figures list the muscles supplied
by each nerve (upper-limb figures checked in a reproduction; lower-limb groupings checked
against anatomy teaching texts). Root myotomes are the standard clinical ones (ISNCSCI key
muscles C5-T1, L2-S1, extended with common clinical root assignments); they are used only to
rank "root rather than nerve" above a nerve when the pattern fits a root better.

Each territory lists the tested movements whose prime mover it supplies. A territory
named for a lesion site (for example "radial nerve at the spiral groove") holds the muscles
supplied below that site, so a spared muscle supplied above it counts against the site.
"""

from __future__ import annotations

from dataclasses import dataclass

MOVEMENTS: dict[str, str] = {
    # upper limb
    "shoulder_abduction": "shoulder abduction (deltoid)",
    "elbow_flexion": "elbow flexion, forearm supinated (biceps, brachialis)",
    "elbow_flexion_midprone": "elbow flexion, forearm mid-prone (brachioradialis)",
    "elbow_extension": "elbow extension (triceps)",
    "wrist_extension": "wrist extension toward the thumb side (extensor carpi radialis longus)",
    "finger_extension": "finger extension at the knuckles (extensor digitorum)",
    "thumb_extension": "thumb extension (extensor pollicis longus)",
    "forearm_pronation": "forearm pronation (pronator teres)",
    "wrist_flexion_radial": "wrist flexion toward the thumb side (flexor carpi radialis)",
    "thumb_ip_flexion": "flexion of the thumb tip (flexor pollicis longus)",
    "index_dip_flexion": "flexion of the index fingertip (flexor digitorum profundus, index)",
    "thumb_abduction": "thumb abduction away from the palm (abductor pollicis brevis)",
    "wrist_flexion_ulnar": "wrist flexion toward the little-finger side (flexor carpi ulnaris)",
    "little_finger_dip_flexion": "flexion of the little fingertip (flexor digitorum profundus, little)",
    "finger_abduction": "finger spreading (first dorsal interosseous, abductor digiti minimi)",
    # lower limb
    "hip_flexion": "hip flexion (iliopsoas)",
    "hip_adduction": "hip adduction (adductors)",
    "hip_abduction": "hip abduction (gluteus medius)",
    "hip_extension": "hip extension (gluteus maximus)",
    "knee_extension": "knee extension (quadriceps)",
    "knee_flexion": "knee flexion (hamstrings)",
    "ankle_dorsiflexion": "ankle dorsiflexion (tibialis anterior)",
    "great_toe_extension": "great toe extension (extensor hallucis longus)",
    "ankle_eversion": "ankle eversion (peroneus longus and brevis)",
    "ankle_inversion": "ankle inversion (tibialis posterior)",
    "ankle_plantarflexion": "ankle plantarflexion (gastrocnemius, soleus)",
}
"""Tested movement -> what is tested (prime mover in brackets)."""


@dataclass(frozen=True, slots=True)
class Territory:
    key: str
    label: str
    kind: str
    """``nerve`` or ``root``."""
    movements: frozenset[str]


def _t(key: str, label: str, kind: str, *movements: str) -> Territory:
    unknown = set(movements) - set(MOVEMENTS)
    if unknown:
        raise ValueError(f"unknown movements in {key}: {sorted(unknown)}")
    return Territory(key, label, kind, frozenset(movements))


TERRITORIES: tuple[Territory, ...] = (
    _t("axillary", "axillary nerve", "nerve", "shoulder_abduction"),
    _t("musculocutaneous", "musculocutaneous nerve", "nerve", "elbow_flexion"),
    _t(
        "radial_above_spiral_groove",
        "radial nerve above the spiral groove (triceps affected)",
        "nerve",
        "elbow_extension",
        "elbow_flexion_midprone",
        "wrist_extension",
        "finger_extension",
        "thumb_extension",
    ),
    _t(
        "radial_spiral_groove",
        "radial nerve at the spiral groove (triceps spared)",
        "nerve",
        "elbow_flexion_midprone",
        "wrist_extension",
        "finger_extension",
        "thumb_extension",
    ),
    _t(
        "posterior_interosseous",
        "posterior interosseous nerve (branch of the radial nerve)",
        "nerve",
        "finger_extension",
        "thumb_extension",
    ),
    _t(
        "median_elbow",
        "median nerve at or above the elbow",
        "nerve",
        "forearm_pronation",
        "wrist_flexion_radial",
        "thumb_ip_flexion",
        "index_dip_flexion",
        "thumb_abduction",
    ),
    _t(
        "anterior_interosseous",
        "anterior interosseous nerve (branch of the median nerve)",
        "nerve",
        "thumb_ip_flexion",
        "index_dip_flexion",
    ),
    _t("median_wrist", "median nerve at the wrist", "nerve", "thumb_abduction"),
    _t(
        "ulnar_elbow",
        "ulnar nerve at or above the elbow",
        "nerve",
        "wrist_flexion_ulnar",
        "little_finger_dip_flexion",
        "finger_abduction",
    ),
    _t("ulnar_wrist", "ulnar nerve at the wrist or hand", "nerve", "finger_abduction"),
    _t("femoral", "femoral nerve", "nerve", "hip_flexion", "knee_extension"),
    _t("obturator", "obturator nerve", "nerve", "hip_adduction"),
    _t("superior_gluteal", "superior gluteal nerve", "nerve", "hip_abduction"),
    _t("inferior_gluteal", "inferior gluteal nerve", "nerve", "hip_extension"),
    _t(
        "sciatic",
        "sciatic nerve",
        "nerve",
        "knee_flexion",
        "ankle_dorsiflexion",
        "great_toe_extension",
        "ankle_eversion",
        "ankle_inversion",
        "ankle_plantarflexion",
    ),
    _t(
        "common_peroneal",
        "common peroneal (fibular) nerve",
        "nerve",
        "ankle_dorsiflexion",
        "great_toe_extension",
        "ankle_eversion",
    ),
    _t("deep_peroneal", "deep peroneal (fibular) nerve", "nerve", "ankle_dorsiflexion", "great_toe_extension"),
    _t("superficial_peroneal", "superficial peroneal (fibular) nerve", "nerve", "ankle_eversion"),
    _t("tibial", "tibial nerve", "nerve", "ankle_inversion", "ankle_plantarflexion"),
    # roots (myotomes)
    _t("C5", "C5 nerve root", "root", "shoulder_abduction", "elbow_flexion", "elbow_flexion_midprone"),
    _t(
        "C6", "C6 nerve root", "root", "elbow_flexion", "elbow_flexion_midprone", "wrist_extension", "forearm_pronation"
    ),
    _t("C7", "C7 nerve root", "root", "elbow_extension", "finger_extension", "wrist_flexion_radial"),
    _t(
        "C8",
        "C8 nerve root",
        "root",
        "thumb_ip_flexion",
        "index_dip_flexion",
        "little_finger_dip_flexion",
        "wrist_flexion_ulnar",
    ),
    _t("T1", "T1 nerve root", "root", "finger_abduction", "thumb_abduction"),
    _t("L2", "L2 nerve root", "root", "hip_flexion", "hip_adduction"),
    _t("L3", "L3 nerve root", "root", "hip_flexion", "hip_adduction", "knee_extension"),
    _t("L4", "L4 nerve root", "root", "knee_extension", "ankle_dorsiflexion", "ankle_inversion"),
    _t(
        "L5",
        "L5 nerve root",
        "root",
        "hip_abduction",
        "knee_flexion",
        "ankle_dorsiflexion",
        "great_toe_extension",
        "ankle_eversion",
        "ankle_inversion",
    ),
    _t("S1", "S1 nerve root", "root", "hip_extension", "knee_flexion", "ankle_eversion", "ankle_plantarflexion"),
)
