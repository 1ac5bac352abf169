# Two commands on a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint clean browser fonts mosquitto imap messages

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

run: setup fonts
	$(BIN)/parceltrail migrate
	$(BIN)/parceltrail serve --demo --speed 720

# ruff, then the import contracts in pyproject.toml (dependencies point inward; no package cycles).
lint: setup
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/lint-imports

# Page texts: the keys that templates and Python ask for (t("key"), plural("key", n)) and every key of
# the English catalog (babel.cfg) go into build/messages.pot, then into each
# locales/<lang>/LC_MESSAGES/messages.po: a new key gets an empty text in every language, which the
# missing-translation test names until someone writes it. Keys built at run time (f"step.{key}") draw a
# warning from the extractor; they live in the English catalog.
LOCALES := src/parceltrail/entrypoints/web/locales
messages: setup
	mkdir -p build
	PYTHONPATH=. $(BIN)/pybabel -q extract -F babel.cfg --no-default-keywords -k t -k plural:1,1 \
		--no-location --sort-output --no-wrap -o build/messages.pot src/parceltrail/entrypoints/web
	$(BIN)/pybabel -q update -i build/messages.pot -d $(LOCALES) --no-fuzzy-matching --no-wrap \
		--ignore-pot-creation-date --ignore-obsolete

# Browser tests (tests/web) drive Debian's Chromium; Playwright never downloads a browser of its own.
# The CJK TrueType font draws Chinese scans in evidence PDFs (tests/evidence check it) and the Chinese
# pages' screenshots.
browser:
	command -v chromium || (apt-get update && apt-get install -y chromium)
	test -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc || (apt-get update && apt-get install -y fonts-wqy-zenhei)

# Evidence PDFs draw Chinese scans with WenQuanYi Zen Hei (Debian's fonts-wqy-zenhei); without it they
# fall back to DejaVu, which has no CJK glyphs.
fonts:
	test -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc || (apt-get update && apt-get install -y fonts-wqy-zenhei) \
		|| echo "fonts-wqy-zenhei is missing: Chinese text in evidence PDFs will not render"

# Home Assistant tests (tests/homeassistant) talk to Mosquitto on 127.0.0.1:1883 and start private ones
# (the binary only; the shared broker is the machine's service).
mosquitto:
	command -v mosquitto || test -x /usr/sbin/mosquitto || (apt-get update && apt-get install -y mosquitto)

# IMAP polling tests (tests/mailin) start a private Dovecot of their own on a loopback port.
imap:
	command -v dovecot || test -x /usr/sbin/dovecot || (apt-get update && apt-get install -y dovecot-imapd)

# Two processes share the tests; the few that restart PostgreSQL run alone afterwards, so a restart
# never cuts another test's connection.
test: setup lint browser mosquitto imap
	$(BIN)/pytest -n 2 -m "not serial"
	$(BIN)/pytest -m serial

lock:
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev -o requirements.lock --quiet

clean:
	rm -rf $(VENV) var
