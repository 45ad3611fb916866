from django.core.management.base import BaseCommand
from django.db.models import Prefetch

from education.models import AnswerChoice, PathStep, Question, Rule, TreatmentPath
from education.models.questionnaire import RULE_LINKED_FIELDS
from education.questionnaire.results import STEPS
from education.questionnaire.rules import rule_links


def quoted(labels, values):
    """Answer values as the reader saw them: '"Yes" or "I'm not sure"'."""
    return " or ".join(f'"{labels.get(value, value)}"' for value in values)


def in_words(condition, labels):
    """One ask- or rule-condition as a sentence: the question, then the answers it needs."""
    question = condition.question
    verb = "is not" if condition.negate else "is"
    return f'the answer to "{question.text}" {verb} {quoted(labels[question.key], condition.value_list)}'


class Command(BaseCommand):
    help = (
        "Print every question, every rule and every treatment path of the questionnaire in plain "
        "words (when it shows, what it says, what it links to, its sources), for a medical "
        "reviewer to sign off."
    )

    def handle(self, *args, **options):
        questions = list(
            Question.objects.prefetch_related(
                Prefetch("choices", queryset=AnswerChoice.objects.order_by("order")),
                "ask_conditions__question",
            ).order_by("order")
        )
        labels = {q.key: {c.value: c.label for c in q.choices.all()} for q in questions}
        write = self.stdout.write
        write("QUESTIONS, in the order they are asked\n")
        for number, question in enumerate(sorted(questions, key=lambda q: STEPS.index(q.key)), 1):
            write(f"{number}. {question.text}  [{question.key}]")
            if question.hint:
                write(f"   Hint: {question.hint}")
            conditions = list(question.ask_conditions.all())
            write(
                "   Asked: only if "
                + "; and ".join(in_words(c, labels) for c in conditions)
                + " (or the reader was not sure)"
                if conditions
                else "   Asked: always"
            )
            many = "several answers" if question.multiple else "one answer"
            write(f"   Answers ({many}): " + "; ".join(c.label for c in question.choices.all()))
            if question.test_to_ask:
                write(f"   If not sure, the results say to ask: {question.test_to_ask}")
            write("")
        write("RULES, by group, in the order they are shown\n")
        rules = Rule.objects.prefetch_related(
            "conditions__question", *RULE_LINKED_FIELDS, "sources"
        )
        for group, group_label in Rule.Group.choices:
            members = [r for r in rules if r.group == group]
            if not members:
                continue
            write(f"== {group_label} ==")
            for rule in members:
                write(f"- {rule.title}  [{rule.slug}, {rule.get_status_display().lower()}]")
                conditions = list(rule.conditions.all())
                write(
                    "  Shows when: " + "; and ".join(in_words(c, labels) for c in conditions)
                    if conditions
                    else "  Shows: to everyone"
                )
                write(f"  Says: {rule.reason}")
                if rule.line:
                    write(f"  Line: {rule.get_line_display()}")
                if rule.not_after:
                    grew_on = quoted(labels["prior_treatments"], rule.not_after_list)
                    write(f"  Not offered again if the cancer grew on: {grew_on}")
                    write(f"  Says instead: {rule.after_it}")
                if rule.may_apply_reason:
                    write(f"  Says when the reader was not sure: {rule.may_apply_reason}")
                if rule.question_to_ask:
                    write(f"  Question to ask: {rule.question_to_ask}")
                write(f"  Reading grade: {rule.reading_grade():.1f}")
                links = rule_links(rule)
                write("  Links: " + ("; ".join(link.label for link in links) or "none"))
                sources = [f"{s.publisher}: {s.title} {s.url}".strip() for s in rule.sources.all()]
                write("  Sources: " + (" | ".join(sources) or "NONE"))
            write("")
        self.write_paths(labels)

    def write_paths(self, labels):
        """Each treatment path: whom it is for, and its steps stage by stage, each with the rule
        that decides whether it fits a reader."""
        write = self.stdout.write
        write("TREATMENT PATHS, in the order they are listed\n")
        paths = TreatmentPath.objects.prefetch_related(
            "conditions__question", "steps__rule", "steps__branch_test", "sources"
        ).order_by("order")
        stages = dict(PathStep.Stage.choices)
        for path in paths:
            write(f"- {path.title}  [{path.slug}, {path.get_status_display().lower()}]")
            conditions = list(path.conditions.all())
            write("  For readers when: " + "; and ".join(in_words(c, labels) for c in conditions))
            for stage, stage_label in stages.items():
                for step in (s for s in path.steps.all() if s.stage == stage):
                    branch = f" (if: {step.branch})" if step.branch else ""
                    test = f", test: {step.branch_test}" if step.branch_test else ""
                    write(f"  {stage_label}: {step.label}{branch}  [rule {step.rule.slug}{test}]")
            write(f"  Checked against its sources on: {path.checked_on:%B %-d, %Y}")
            sources = [f"{s.publisher}: {s.title} {s.url}".strip() for s in path.sources.all()]
            write("  Sources: " + (" | ".join(sources) or "NONE"))
        write("")
