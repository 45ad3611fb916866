"""A reader's answers, kept only in their own session (a signed cookie, never the database)."""

SESSION_KEY = "questionnaire_answers"


def save_answers(session, answers):
    """Store answers as {question key: [answer values]}."""
    session[SESSION_KEY] = {key: list(values) for key, values in answers.items()}


def load_answers(session):
    """The reader's answers, or None if they have not finished the questions."""
    answers = session.get(SESSION_KEY)
    return answers if isinstance(answers, dict) else None
