"""The words of messaging's mails, per language (English, German, French, Spanish): pure data.

Mails never carry message or post content: an e-mail leaves the platform in the
clear, so it says *that* someone wrote and links back, nothing more.
Placeholders are :class:`string.Template` names; lists (members, conversations)
arrive pre-formatted, one line each, from :mod:`tandem_messaging.adapters.notifications`.
"""

from __future__ import annotations

from typing import Final

NEW_MESSAGE: Final = "message-new"
DIGEST: Final = "message-digest"
INTRODUCTION: Final = "relationship-introduction"
AGREEMENT_PENDING: Final = "agreement-pending"

# name -> language -> (subject, text)
TEMPLATES: Final[dict[str, dict[str, tuple[str, str]]]] = {
    NEW_MESSAGE: {
        "en": (
            "New message from $sender",
            "Hello $name,\n\n$sender has written to you in your mentoring conversation "
            "($programme).\nTo keep your conversation confidential, the message is not "
            "included in this e-mail. Read and answer it on Tandem:\n$link\n\n"
            "You can choose immediate e-mails, a daily digest or none: $preferences\n",
        ),
        "de": (
            "Neue Nachricht von $sender",
            "Hallo $name,\n\n$sender hat Ihnen in Ihrem Mentoring-Gespräch ($programme) "
            "geschrieben.\nDamit Ihr Gespräch vertraulich bleibt, steht die Nachricht nicht "
            "in dieser E-Mail. Lesen und beantworten Sie sie auf Tandem:\n$link\n\n"
            "Sie können sofortige E-Mails, eine tägliche Zusammenfassung oder keine wählen: "
            "$preferences\n",
        ),
        "fr": (
            "Nouveau message de $sender",
            "Bonjour $name,\n\n$sender vous a écrit dans votre conversation de mentorat "
            "($programme).\nPour préserver la confidentialité de votre conversation, le "
            "message n'est pas inclus dans cet e-mail. Lisez-le et répondez sur Tandem :\n"
            "$link\n\nVous pouvez choisir des e-mails immédiats, un résumé quotidien ou "
            "aucun e-mail : $preferences\n",
        ),
        "es": (
            "Nuevo mensaje de $sender",
            "Hola $name:\n\n$sender te ha escrito en tu conversación de mentoría "
            "($programme).\nPara mantener la confidencialidad de la conversación, el mensaje "
            "no se incluye en este correo. Léelo y responde en Tandem:\n$link\n\n"
            "Puedes elegir correos inmediatos, un resumen diario o ninguno: $preferences\n",
        ),
    },
    DIGEST: {
        "en": (
            "Your Tandem day: $count unread messages",
            "Hello $name,\n\nyou have $count unread messages:\n$summary\n\n"
            "Read them on Tandem: $link\n\nChange how often we write: $preferences\n",
        ),
        "de": (
            "Ihr Tandem-Tag: $count ungelesene Nachrichten",
            "Hallo $name,\n\nSie haben $count ungelesene Nachrichten:\n$summary\n\n"
            "Lesen Sie sie auf Tandem: $link\n\nWie oft wir schreiben, ändern Sie hier: "
            "$preferences\n",
        ),
        "fr": (
            "Votre journée Tandem : $count messages non lus",
            "Bonjour $name,\n\nvous avez $count messages non lus :\n$summary\n\n"
            "Lisez-les sur Tandem : $link\n\nModifier la fréquence de nos e-mails : "
            "$preferences\n",
        ),
        "es": (
            "Tu día en Tandem: $count mensajes sin leer",
            "Hola $name:\n\ntienes $count mensajes sin leer:\n$summary\n\n"
            "Léelos en Tandem: $link\n\nCambia la frecuencia de nuestros correos: "
            "$preferences\n",
        ),
    },
    INTRODUCTION: {
        "en": (
            "Your mentoring relationship has started",
            "Hello $name,\n\nwelcome to your mentoring relationship in $programme. "
            "You are in it with:\n$members\n$linkedin\n"
            "Your private conversation is open; start by agreeing on how you will "
            "communicate:\n$link\n",
        ),
        "de": (
            "Ihre Mentoring-Beziehung hat begonnen",
            "Hallo $name,\n\nwillkommen in Ihrer Mentoring-Beziehung im Programm "
            "$programme. Mit dabei sind:\n$members\n$linkedin\n"
            "Ihr privates Gespräch ist eröffnet; vereinbaren Sie zuerst, wie Sie "
            "kommunizieren möchten:\n$link\n",
        ),
        "fr": (
            "Votre relation de mentorat a commencé",
            "Bonjour $name,\n\nbienvenue dans votre relation de mentorat du programme "
            "$programme. Vous y êtes avec :\n$members\n$linkedin\n"
            "Votre conversation privée est ouverte ; commencez par convenir de votre façon "
            "de communiquer :\n$link\n",
        ),
        "es": (
            "Tu relación de mentoría ha comenzado",
            "Hola $name:\n\nbienvenido/a a tu relación de mentoría en $programme. "
            "Participan contigo:\n$members\n$linkedin\n"
            "Tu conversación privada está abierta; empezad por acordar cómo os vais a "
            "comunicar:\n$link\n",
        ),
    },
    AGREEMENT_PENDING: {
        "en": (
            "Please review your communication agreement (version $version)",
            "Hello $name,\n\nthe communication agreement of a mentoring relationship in "
            "$programme ($members; version $version) is waiting for your acceptance. "
            "It sets the channels, the expected response time and how often you meet.\n"
            "Review and accept it here:\n$link\n",
        ),
        "de": (
            "Bitte prüfen Sie Ihre Kommunikationsvereinbarung (Version $version)",
            "Hallo $name,\n\ndie Kommunikationsvereinbarung einer Mentoring-Beziehung im "
            "Programm $programme ($members; Version $version) wartet auf Ihre Zustimmung. "
            "Sie legt die Kanäle, die erwartete Antwortzeit und die Häufigkeit der "
            "Treffen fest.\n"
            "Hier prüfen und annehmen:\n$link\n",
        ),
        "fr": (
            "Merci de relire votre accord de communication (version $version)",
            "Bonjour $name,\n\nl'accord de communication d'une relation de mentorat du "
            "programme $programme ($members ; version $version) attend votre acceptation. "
            "Il fixe les canaux, le délai de réponse attendu et la fréquence des rencontres.\n"
            "Relisez-le et acceptez-le ici :\n$link\n",
        ),
        "es": (
            "Revisa tu acuerdo de comunicación (versión $version)",
            "Hola $name:\n\nel acuerdo de comunicación de una relación de mentoría en "
            "$programme ($members; versión $version) está pendiente de tu aceptación. "
            "Define los canales, el tiempo de respuesta esperado y la frecuencia de "
            "los encuentros.\n"
            "Revísalo y acéptalo aquí:\n$link\n",
        ),
    },
}

ROLE_NAMES: Final[dict[str, dict[str, str]]] = {
    "en": {"mentor": "mentor", "mentee": "mentee", "manager": "programme manager"},
    "de": {"mentor": "Mentor/in", "mentee": "Mentee", "manager": "Programmleitung"},
    "fr": {"mentor": "mentor", "mentee": "mentoré·e", "manager": "responsable du programme"},
    "es": {"mentor": "mentor/a", "mentee": "mentorizado/a", "manager": "responsable del programa"},
}

# Added to the introduction only for people who BOTH shared their LinkedIn profile.
LINKEDIN_INTRO: Final[dict[str, str]] = {
    "en": "\nYou have both chosen to share your LinkedIn profiles, so you could connect there:",
    "de": "\nSie haben beide Ihr LinkedIn-Profil freigegeben und können sich dort vernetzen:",
    "fr": "\nVous avez tous deux choisi de partager votre profil LinkedIn ; vous pouvez vous "
    "y connecter :",
    "es": "\nAmbos habéis decidido compartir vuestro perfil de LinkedIn; podéis conectar allí:",
}

UNREAD_LINE: Final[dict[str, str]] = {
    "en": "- $count from your conversation with $names",
    "de": "- $count aus Ihrem Gespräch mit $names",
    "fr": "- $count dans votre conversation avec $names",
    "es": "- $count de tu conversación con $names",
}

SOMEONE: Final[dict[str, str]] = {
    "en": "a member",
    "de": "ein Mitglied",
    "fr": "un membre",
    "es": "un miembro",
}
