"""Content models, one module per family of content."""

from .articles import Article
from .base import EditorialModel, Status
from .drugs import Drug, DrugSideEffect
from .features import CancerFeature
from .glossary import GlossaryTerm
from .loading import LoadedRow
from .paths import PathCondition, PathStep, TreatmentPath
from .questionnaire import AnswerChoice, Question, QuestionCondition, Rule, RuleCondition
from .revisions import Revision
from .search import SearchSynonym
from .side_effects import SideEffect
from .source_kinds import SourceKind
from .sources import Source
from .spread import SpreadSite
from .statistics import SurvivalStatistic
from .treatments import DrugFamily, TreatmentType
from .updates import TreatmentUpdate
from .version import ContentVersion

__all__ = [
    "AnswerChoice",
    "Article",
    "CancerFeature",
    "ContentVersion",
    "Drug",
    "DrugFamily",
    "DrugSideEffect",
    "EditorialModel",
    "GlossaryTerm",
    "LoadedRow",
    "PathCondition",
    "PathStep",
    "Question",
    "QuestionCondition",
    "Revision",
    "Rule",
    "RuleCondition",
    "SearchSynonym",
    "SideEffect",
    "Source",
    "SourceKind",
    "SpreadSite",
    "Status",
    "SurvivalStatistic",
    "TreatmentPath",
    "TreatmentType",
    "TreatmentUpdate",
]
