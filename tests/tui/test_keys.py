"""Every key a screen (or the app) binds has a static id, and its words, in Dutch and in
English, come from content/keys.toml under that id (the home letters from its choices)."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import veerkracht.screens
from veerkracht.content import LANGUAGES, Content
from veerkracht.screens.base import SpeaksLanguage, in_language
from veerkracht.tui.app import VeerkrachtApp


def speaking() -> list[type[SpeaksLanguage]]:
    """Every class in screens/ (and the app) whose keys are said in the user's language."""
    found: set[type[SpeaksLanguage]] = {VeerkrachtApp}
    for module in pkgutil.iter_modules(veerkracht.screens.__path__):
        loaded = importlib.import_module(f"veerkracht.screens.{module.name}")
        found |= {
            value
            for value in vars(loaded).values()
            if isinstance(value, type)
            and issubclass(value, SpeaksLanguage)
            and value is not SpeaksLanguage
        }
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


CLASSES = speaking()


def test_the_screens_are_found() -> None:
    assert len(CLASSES) > 15


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__qualname__)
def test_every_key_has_an_id_and_is_declared_where_it_is_said(cls: type) -> None:
    declared = cls.BINDINGS
    assert declared and all(binding.id for binding in declared)
    # A base's key is said only through a subclass that lists it again.
    keys = {binding.key for binding in declared}
    for base in cls.__mro__[1:]:
        if issubclass(base, SpeaksLanguage):
            inherited = {binding.key for binding in base.__dict__.get("BINDINGS", [])}
            assert inherited <= keys, f"{cls.__qualname__} leaves {inherited - keys} unsaid"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__qualname__)
def test_every_key_has_words_in_every_language(cls: type, language: str) -> None:
    made = in_language(cls, Content(language))
    assert made.spoken == language and issubclass(made, cls)
    assert all(binding.description.strip() for binding in made.BINDINGS)
    assert in_language(made, Content(language)) is made
