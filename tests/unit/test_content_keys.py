"""Every content path the code names in full exists, in Dutch and in English.

The code is read, not run: a path written out in strings is looked up in content/*.toml,
in `content.text("home", "ui", "help")`, `session.content.message("no_entries")`, an
error's code (`VeerkrachtError("entry_not_found")`) and calls to the functions that only
pass a path on (`def ui(self, key): return self.content.text("home", "ui", key)`,
`partial(content.text, "safety", "notice")`). A computed path is left to other tests."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from veerkracht.content import LANGUAGES, ON_SCREEN, load

SRC = Path(__file__).resolve().parents[2] / "src" / "veerkracht"
#: Content's methods that take a path.
METHODS = {"text", "template", "message", "on_screen", "option", "label", "counted"}
#: Errors whose code is a message in messages.toml, and (Unclear) in plain.toml's `wrong`.
ERRORS = {"VeerkrachtError": "message", "ValidationError": "message", "Unclear": "wrong"}
#: Fewer than these means the reading broke, not that the code stopped naming content
#: (measured when this test was written: 697 paths and 28 tables).
FLOOR_PATHS = 600
FLOOR_TABLES = 20

Arg = tuple[str, Any]  # ("word", "ui"), a forwarder's ("param", 0) or ("rest", None)


@dataclass(frozen=True)
class Forward:
    """A function that only passes a path on to Content: its words, then its own."""

    method: str
    args: tuple[Arg, ...]
    #: How many positional parameters it has (before its `*path`, if any).
    positional: int


@dataclass(frozen=True)
class Use:
    where: str
    method: str
    words: tuple[str, ...]
    field: str = "label"

    def table(self) -> tuple[str, ...]:
        """Where in content/*.toml the words are (the language left out)."""
        first = self.words[0]
        if self.method in ("text", "template"):
            return self.words
        if self.method == "message":
            return ("messages", first)
        if self.method == "on_screen":
            return ("messages", ON_SCREEN.get(first, first))
        if self.method == "wrong":
            return ("plain", "wrong", first)
        if self.method == "counted":
            return ("counts", first)
        return ("options", *self.words[:2], "label" if self.method == "label" else self.field)


def word(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def is_content(receiver: ast.expr, in_content: bool) -> bool:
    """`content`, `self.content`, `session_of(ctx).content`, `Content(...)`, and `self`
    inside content/__init__.py itself."""
    if isinstance(receiver, ast.Name):
        return receiver.id == "content" or (in_content and receiver.id == "self")
    if isinstance(receiver, ast.Attribute):
        return receiver.attr == "content"
    return isinstance(receiver, ast.Call) and ast.unparse(receiver.func) == "Content"


def given(node: ast.expr) -> Arg:
    said = word(node)
    return ("word", said) if said is not None else ("expr", node)


@dataclass
class Frame:
    """What a name means where a call is made: the functions and `partial`s defined in
    the enclosing function (or module), the class `self` is, what parameters are."""

    parent: Frame | None
    cls: str | None = None
    functions: dict[str, ast.FunctionDef] = field(default_factory=dict)
    partials: dict[str, Forward] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)

    def function(self, name: str) -> ast.FunctionDef | Forward | None:
        frame: Frame | None = self
        while frame is not None:
            if name in frame.partials:
                return frame.partials[name]
            if name in frame.functions:
                return frame.functions[name]
            frame = frame.parent
        return None

    def kind(self, name: str) -> str | None:
        frame: Frame | None = self
        while frame is not None:
            if name in frame.kinds:
                return frame.kinds[name]
            frame = frame.parent
        return None


def own(body: list[ast.stmt]) -> Iterator[ast.AST]:
    """The nodes of `body` outside the functions and classes it defines."""
    for statement in body:
        yield statement
        if not isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            for child in ast.iter_child_nodes(statement):
                if isinstance(child, ast.stmt):
                    yield from own([child])
                else:
                    yield from ast.walk(child)


def kind_of(annotation: ast.expr | None) -> str | None:
    """`session: Session` → "Session"."""
    if isinstance(annotation, ast.Name):
        return annotation.id
    if isinstance(annotation, ast.Attribute):
        return annotation.attr
    return None


class Reader:
    """The content paths of some modules, their forwarders resolved."""

    def __init__(self, paths: list[Path]) -> None:
        self.classes: dict[str, list[tuple[list[str], dict[str, ast.FunctionDef]]]] = {}
        self.frames: dict[int, Frame] = {}  # a function's body, a call's place
        self.where: dict[int, str] = {}
        self.memo: dict[int, Forward | None] = {}
        #: What the module-level functions return, by name: `use(...)` gives a Session.
        self.returns: dict[str, set[str]] = {}
        self.modules: list[tuple[str, ast.Module, bool]] = []
        for path in paths:
            name = str(path.relative_to(SRC.parent)) if path.is_relative_to(SRC) else path.name
            tree = ast.parse(path.read_text(encoding="utf-8"))
            in_content = path == SRC / "content" / "__init__.py"
            self.modules.append((name, tree, in_content))
            self.enter(tree.body, Frame(None), name, in_content)

    def enter(self, body: list[ast.stmt], frame: Frame, module: str, in_content: bool) -> None:
        for node in own(body):
            if isinstance(node, ast.FunctionDef):
                frame.functions[node.name] = node
            elif isinstance(node, ast.Assign):
                partial = self.partial(node, in_content)
                if partial is not None:
                    frame.partials[partial[0]] = partial[1]
                made = node.value.func if isinstance(node.value, ast.Call) else None
                if isinstance(made, ast.Name) and isinstance(node.targets[0], ast.Name):
                    frame.kinds[node.targets[0].id] = f"{made.id}()"  # a class, or a return
            elif isinstance(node, ast.Call):
                self.frames[id(node)] = frame
                self.where[id(node)] = f"{module}:{node.lineno}"
        for node in own(body):
            if isinstance(node, ast.ClassDef):
                bases = [kind for base in node.bases if (kind := kind_of(base))]
                methods = {f.name: f for f in node.body if isinstance(f, ast.FunctionDef)}
                self.classes.setdefault(node.name, []).append((bases, methods))
                inner = Frame(frame, cls=node.name)
                for method in methods.values():
                    self.function(method, inner, module, in_content)
            elif isinstance(node, ast.FunctionDef):
                self.function(node, frame, module, in_content)

    def function(self, node: ast.FunctionDef, parent: Frame, module: str, c: bool) -> None:
        arguments = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
        kinds = {a.arg: kind for a in arguments if (kind := kind_of(a.annotation))}
        frame = Frame(parent, cls=parent.cls, kinds=kinds)
        self.frames[id(node)] = frame
        if parent.parent is None and (returns := kind_of(node.returns)):
            self.returns.setdefault(node.name, set()).add(returns)
        self.enter(node.body, frame, module, c)

    def partial(self, assign: ast.Assign, in_content: bool) -> tuple[str, Forward] | None:
        """`words = partial(self.content.text, "safety", "notice", "screen")`."""
        call = assign.value
        if not (
            len(assign.targets) == 1
            and isinstance(assign.targets[0], ast.Name)
            and isinstance(call, ast.Call)
            and ast.unparse(call.func) == "partial"
            and call.args
            and isinstance(call.args[0], ast.Attribute)
            and call.args[0].attr in METHODS
            and is_content(call.args[0].value, in_content)
        ):
            return None
        words = [word(arg) for arg in call.args[1:]]
        if None in words:
            return None
        args = (*(("word", said) for said in words), ("rest", None))
        return assign.targets[0].id, Forward(call.args[0].attr, args, 0)

    def method(self, cls: str | None, name: str) -> ast.FunctionDef | None:
        """The method `name` a `cls` has, its own or its nearest base's."""
        seen: set[str] = set()
        queue = [cls] if cls else []
        while queue:
            kind = queue.pop(0)
            if kind in seen or len(self.classes.get(kind, [])) != 1:
                continue  # a class the code does not define, or two of that name
            seen.add(kind)
            bases, methods = self.classes[kind][0]
            if name in methods:
                return methods[name]
            queue += bases
        return None

    def kind(self, said: str | None) -> str | None:
        """A parameter's class, or that of what `x = Session(...)`, `x = use(...)` made."""
        if said is None or not said.endswith("()"):
            return said
        made = said.removesuffix("()")
        returns = self.returns.get(made, set())
        return made if made in self.classes else next(iter(returns)) if len(returns) == 1 else None

    def forward(self, function: ast.FunctionDef) -> Forward | None:
        """What `def ui(self, key): return self.content.text("home", "ui", key)` passes
        on (a function that does anything else passes nothing on)."""
        if id(function) in self.memo:
            return self.memo[id(function)]
        self.memo[id(function)] = None  # while it is worked out, a call to itself is none
        body = [s for s in function.body if not (isinstance(s, ast.Expr) and word(s.value))]
        call = (
            body[0].value if len(body) == 1 and isinstance(body[0], ast.Return | ast.Expr) else None
        )
        target = None
        while isinstance(call, ast.Call):
            target = self.target(call, self.frames[id(function)])
            if target is not None or len(call.args) != 1:
                break
            call = call.args[0]  # str(...), self.say_text(...): what it shows
        if target is None:
            return None
        method, passed = target
        params = [a.arg for a in function.args.args]
        if params and params[0] in ("self", "cls"):
            params = params[1:]
        rest = function.args.vararg.arg if function.args.vararg else None
        args: list[Arg] = []
        for kind, value in passed:
            if kind == "word":
                args.append((kind, value))
            elif isinstance(value, ast.Name) and value.id in params:
                args.append(("param", params.index(value.id)))
            elif isinstance(value, ast.Starred) and ast.unparse(value.value) == rest:
                args.append(("rest", None))
            else:
                return None
        self.memo[id(function)] = Forward(method, tuple(args), len(params))
        return self.memo[id(function)]

    def target(self, call: ast.Call, frame: Frame) -> tuple[str, list[Arg]] | None:
        """What `call` asks of Content: its method and its arguments, as words or as
        expressions (a forwarder's own parameters, or computed)."""
        func = call.func
        in_content = frame.cls == "Content"
        if isinstance(func, ast.Name) and func.id in ERRORS:
            return ERRORS[func.id], [given(a) for a in call.args[:1]]
        called: ast.FunctionDef | Forward | None = None
        if isinstance(func, ast.Name):
            called = frame.function(func.id)
        elif isinstance(func, ast.Attribute):
            if func.attr in METHODS and is_content(func.value, in_content):
                return func.attr, [given(a) for a in call.args]
            receiver = func.value
            if isinstance(receiver, ast.Name) and receiver.id in ("self", "cls"):
                called = self.method(frame.cls, func.attr)
            elif isinstance(receiver, ast.Name):
                called = self.method(self.kind(frame.kind(receiver.id)), func.attr)
        forward = self.forward(called) if isinstance(called, ast.FunctionDef) else called
        if forward is None:
            return None
        args = [given(a) for a in call.args]
        if any(isinstance(value, ast.Starred) for _, value in args):
            return None
        passed: list[Arg] = []
        for kind, value in forward.args:
            if kind == "word":
                passed.append((kind, value))
            elif kind == "param" and value < len(args):
                passed.append(args[value])
            elif kind == "rest":
                passed += args[forward.positional :]
            else:
                return None
        return forward.method, passed

    def uses(self) -> Iterator[Use]:
        for _, tree, _ in self.modules:
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call) or id(node) not in self.frames:
                    continue
                target = self.target(node, self.frames[id(node)])
                if target is None:
                    continue
                method, args = target
                count = 1 if method in ("counted", *ERRORS.values()) else len(args)
                words = tuple(value for kind, value in args[:count] if kind == "word")
                if words and len(words) == count:
                    field = next((word(k.value) for k in node.keywords if k.arg == "field"), None)
                    yield Use(self.where[id(node)], method, words, field or "label")

    def tables(self) -> Iterator[tuple[str, tuple[str, ...]]]:
        """`load("scripts")["audiences"]["hr"]`: the longest chain of written-out keys."""
        for module, tree, _ in self.modules:
            imports = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
            reads_load = any(n.module == "veerkracht.content" for n in imports)
            inside: set[int] = set()
            for node in ast.walk(tree):
                if not reads_load or not isinstance(node, ast.Subscript) or id(node) in inside:
                    continue
                keys: list[str] = []
                inner: ast.expr = node
                while isinstance(inner, ast.Subscript) and (key := word(inner.slice)) is not None:
                    keys.insert(0, key)
                    inner = inner.value
                    inside.add(id(inner))
                if not (keys and isinstance(inner, ast.Call) and inner.args):
                    continue
                name = word(inner.args[0])
                if name and ast.unparse(inner.func) == "load":
                    yield f"{module}:{node.lineno}", (name, *keys)


def found(path: tuple[str, ...]) -> Any:
    node: Any = load(path[0])
    for key in path[1:]:
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node


def missing(uses: list[Use]) -> list[str]:
    said = []
    for use in uses:
        node = found(use.table())
        lacking = [lang for lang in LANGUAGES if not isinstance(node, dict) or lang not in node]
        if lacking:
            said.append(f"{use.where}: {'.'.join(use.table())} has no {', '.join(lacking)}")
    return said


@cache
def reader() -> Reader:
    return Reader(sorted(SRC.rglob("*.py")))


def test_every_content_path_in_the_code_exists_in_both_languages() -> None:
    uses = list(reader().uses())
    print(f"{len(uses)} content paths checked")
    assert len(uses) > FLOOR_PATHS, f"only {len(uses)} content paths found: the reading broke"
    assert missing(uses) == []


def test_every_table_the_code_loads_exists() -> None:
    tables = list(reader().tables())
    print(f"{len(tables)} tables checked")
    assert len(tables) > FLOOR_TABLES, f"only {len(tables)} tables found: the reading broke"
    assert [f"{where}: {'.'.join(path)}" for where, path in tables if found(path) is None] == []


def test_the_reading_names_a_missing_path_where_it_is(tmp_path: Path) -> None:
    """A made-up module with two good paths and three missing ones: each is named."""
    module = tmp_path / "made_up.py"
    module.write_text(
        "def ui(content, key, **params):\n"
        '    return content.text("home", "ui", key, **params)\n'
        "\n"
        "def show(content, key):\n"
        '    content.message("no_entries")\n'
        '    content.text("home", "ui", "no_such_key")\n'
        '    ui(content, "no_such_either", n=1)\n'
        "    ui(content, key)\n"
        '    raise VeerkrachtError("entry_not_found", ref="1")\n'
        '    raise VeerkrachtError("no_such_message")\n',
        encoding="utf-8",
    )
    assert missing(list(Reader([module]).uses())) == [
        "made_up.py:6: home.ui.no_such_key has no nl, en",
        "made_up.py:7: home.ui.no_such_either has no nl, en",
        "made_up.py:10: messages.no_such_message has no nl, en",
    ]
