"""The Qt shell around the core.

``session/`` keeps the token (the TokenKeeper, its jobs, the one worker -> GUI-thread bridge);
``window/`` is the main window, which composes ``profiles/`` and ``check/`` and is imported by
nobody. Shared helpers stay here: ``preferences`` (the one preferences model), ``fmt``,
``theme``, ``icons``, ``widgets``, ``prompts``, ``clipboard``, ``timers`` and ``i18n``.
"""
