// argmap's language server in VS Code: starts `argmap lsp` for maps (*.argmap.yaml).
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate() {
  const settings = vscode.workspace.getConfiguration("argmap");
  const [command, ...args] = settings.get("command", ["argmap", "lsp"]);
  client = new LanguageClient(
    "argmap",
    "argmap",
    { command, args },
    {
      // maps only, keeping VS Code's YAML and JSON support (and the YAML extension) for them
      documentSelector: [
        { scheme: "file", language: "yaml", pattern: "**/*.argmap.{yaml,yml}" },
        { scheme: "file", language: "json", pattern: "**/*.argmap.json" },
      ],
      initializationOptions: { debounce: settings.get("debounce", 300) },
    },
  );
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
