// argmap's language server in VS Code: starts `argmap lsp` when the first map (*.argmap.yaml,
// *.argmap.yml, *.argmap.json) is opened. VS Code activates the extension for every YAML and
// JSON file; starting the server only for a map keeps other files free of it (and of an error
// where argmap is not installed).
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

const MAP = /\.argmap\.(ya?ml|json)$/;

let client;

function isMap(document) {
  return document.uri.scheme === "file" && MAP.test(document.uri.fsPath);
}

function createClient() {
  const settings = vscode.workspace.getConfiguration("argmap");
  const [command, ...args] = settings.get("command", ["argmap", "lsp"]);
  return new LanguageClient(
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
}

function startFor(document) {
  if (client || !isMap(document)) {
    return undefined;
  }
  client = createClient();
  return client.start();
}

function activate(context) {
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(startFor));
  const open = vscode.workspace.textDocuments.find(isMap);
  return open ? startFor(open) : undefined;
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
