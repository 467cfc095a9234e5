"""The main window and its parts; ``main`` composes them and nothing imports it back.

``main`` (MainWindow: actions, what is shown, wiring), ``layout`` (where the parts sit, the
menus) and ``focus`` (the tab order); the parts: ``form`` with ``options`` (Advanced),
``token_panel``, ``proxy_switch`` (the Local proxy row), ``logview``, ``tray``, ``settings``
(the Settings dialog) and ``integrator`` (Copy as curl for the operator's shell, and the
``details`` dialog). Each part gets
the narrow objects it needs (the keeper, the form, callbacks), never the window.
"""
