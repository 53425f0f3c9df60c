// Activates editors/vscode/extension.js as VS Code would, for tests/test_editors.py, with the real
// vscode-languageclient (from NODE_PATH) and a stand-in for the `vscode` module, which only VS
// Code itself provides. The stand-in answers what the extension and the client library ask at
// start-up: the settings (the manifest's contributed defaults, or $ARGMAP_SETTINGS), the open
// documents, the version (the lowest the manifest's engines allow); anything else is a harmless
// placeholder. It opens the documents $ARGMAP_OPEN lists one after another, lets the client it
// starts do its real initialize handshake with the server it spawns, deactivates the extension,
// and prints what it saw as JSON. Every wait is bounded.

const Module = require("module");
const childProcess = require("child_process");
const fs = require("fs");
const path = require("path");

const manifestPath = process.env.ARGMAP_MANIFEST;
const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8"));
const settings = JSON.parse(process.env.ARGMAP_SETTINGS || "{}");
const opened = JSON.parse(process.env.ARGMAP_OPEN);
const waitMs = Number(process.env.ARGMAP_WAIT_MS);

const seen = { constructed: [], clientsAfterEachOpen: [], sections: [], fallbacks: {}, spawned: [] };

function finish(code) {
  process.stdout.write(JSON.stringify(seen) + "\n");
  process.exit(code);
}
setTimeout(() => {
  seen.timedOut = true;
  finish(3);
}, waitMs * 3).unref();

// A placeholder for any part of the API the test does not care about: callable, constructible,
// with every property another placeholder; never a thenable, so awaiting it does not hang.
function placeholder(name) {
  const target = function () {};
  return new Proxy(target, {
    get(object, property) {
      if (property === "then") return undefined;
      if (property === Symbol.toPrimitive) return () => name;
      if (property === "prototype") return object.prototype;
      if (!(property in object)) object[property] = placeholder(`${name}.${String(property)}`);
      return object[property];
    },
    apply: () => placeholder(`${name}()`),
    construct: () => placeholder(`new ${name}`),
  });
}

const contributed = manifest.contributes.configuration.properties;
const listeners = [];
const documents = [];
const vscode = placeholder("vscode");
vscode.version = manifest.engines.vscode.replace(/^[\^~>=]+/, "");
vscode.env = { appName: "Visual Studio Code", language: "en", uiKind: 1 };
vscode.window.visibleTextEditors = [];
vscode.window.activeTextEditor = undefined;
vscode.workspace.workspaceFolders = undefined;
vscode.workspace.textDocuments = documents;
vscode.workspace.notebookDocuments = [];
vscode.workspace.onDidOpenTextDocument = (listener) => {
  listeners.push(listener);
  return { dispose() {} };
};
vscode.workspace.getConfiguration = (section) => {
  seen.sections.push(section);
  return {
    get(key, fallback) {
      const name = `${section}.${key}`;
      seen.fallbacks[name] = fallback;
      if (name in settings) return settings[name];
      return name in contributed ? contributed[name].default : fallback;
    },
  };
};
// The client library asks which open documents its selector matches: none, so that it sends no
// placeholder text to the server.
vscode.languages.match = () => 0;

// Spawned servers, so that the test sees the command and that the server exits after stop().
const spawn = childProcess.spawn;
const exits = [];
childProcess.spawn = function (command, args, options) {
  const child = spawn.call(this, command, args, options);
  seen.spawned.push({ command, args });
  exits.push(new Promise((resolve) => child.on("exit", (code) => resolve(code))));
  return child;
};

const load = Module._load;
const clients = [];
Module._load = function (request, parent, isMain) {
  if (request === "vscode") return vscode;
  const loaded = load.call(this, request, parent, isMain);
  if (request === "vscode-languageclient/node") {
    class RecordedClient extends loaded.LanguageClient {
      constructor(id, name, serverOptions, clientOptions) {
        super(id, name, serverOptions, clientOptions);
        seen.constructed.push({
          id,
          name,
          serverOptions,
          documentSelector: clientOptions.documentSelector,
          initializationOptions: clientOptions.initializationOptions,
        });
        clients.push(this);
      }
    }
    return { ...loaded, LanguageClient: RecordedClient };
  }
  return loaded;
};

function document(fsPath) {
  const languageId = fsPath.endsWith(".json") ? "json" : "yaml";
  return { uri: { scheme: "file", fsPath, path: fsPath, toString: () => `file://${fsPath}` }, languageId };
}

function within(promise, what) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${waitMs} ms`)), waitMs);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function main() {
  const extension = require(path.resolve(process.env.ARGMAP_EXTENSION));
  const [first, ...later] = opened;
  documents.push(document(first));
  const starting = [await within(Promise.resolve(extension.activate({ subscriptions: [] })), "activate")];
  seen.clientsAfterEachOpen.push(clients.length);
  for (const fsPath of later) {
    const opening = document(fsPath);
    documents.push(opening);
    for (const listener of [...listeners]) starting.push(listener(opening));
    seen.clientsAfterEachOpen.push(clients.length);
  }
  await within(Promise.all(starting), "starting the client");
  seen.capabilities = clients.map((client) => Object.keys(client.initializeResult.capabilities).sort());
  seen.serverInfo = clients.map((client) => client.initializeResult.serverInfo || null);
  await within(Promise.resolve(extension.deactivate()), "stopping the client");
  seen.serverExits = await within(Promise.all(exits), "the server's exit");
  finish(0);
}

main().catch((error) => {
  seen.error = String(error && error.stack ? error.stack : error);
  finish(1);
});
