"""Sentences composed for the integration tests (not from the dev corpus): every entity type, both languages."""

GERMAN = (
    "Berlin, 14. Oktober 2025. Bundesaußenminister Heiko Maas empfing am Dienstag den japanischen "
    "Außenminister MOTEGI Toshimitsu im Auswärtigen Amt. Beide würdigten das "
    "Wirtschaftspartnerschaftsabkommen (WPA) und vereinbarten ein Treffen im kommenden Jahr."
)
ENGLISH = (
    "Tokyo, 3 March 2024. Foreign Secretary David Cameron met Ms. KAMIKAWA Yoko, Minister for Foreign "
    "Affairs of Japan, at the Ministry of Foreign Affairs. They welcomed the Reciprocal Access "
    "Agreement (RAA) and agreed to meet again next year."
)
FRENCH = "Le ministre des Affaires étrangères a rencontré son homologue japonais à Paris le 3 mars 2024."

ITEMS = [
    {"id": "de-1", "text": GERMAN, "published": "2025-10-15"},
    {"id": "en-1", "text": ENGLISH, "published": "2024-03-04"},
    {"id": "fr-1", "text": FRENCH},
    {"id": "de-2", "text": "Am 1. Juli 2024 sprach Bundesfinanzminister Christian Lindner im Bundesministerium "
                           "der Finanzen über den Haushalt."},
    {"id": "en-2", "text": "On 12 May 2023 Defence Secretary Ben Wallace visited the Ministry of Defence of Japan."},
    {"id": "mixed", "text": GERMAN + "\n\n" + ENGLISH},
]
