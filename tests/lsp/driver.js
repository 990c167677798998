#!/usr/bin/env node
// Headless yaml-language-server (the engine behind the VS Code YAML extension and most editors' YAML
// support), driven through its getLanguageService API: no LSP process, no network.
//
//   node tests/lsp/driver.js SCHEMA.json FILE.yaml... [-- SCHEMA.json FILE.yaml...]...   diagnostics
//   node tests/lsp/driver.js --hover SCHEMA.json FILE LINE COL
//   node tests/lsp/driver.js --complete SCHEMA.json FILE LINE COL
//
// LINE and COL are 1-based, as are the line/col printed.  Output is JSON on stdout:
//   diagnostics: [{file, line, col, endLine, endCol, message, severity, source, code}]
//                (severity: 1 error, 2 warning, 3 information, 4 hint — the LSP numbers)
//   --hover:     {contents: "<markdown>"} or null
//   --complete:  [{label, kind, detail, documentation}]
// Each schema is associated with the files after it (fileMatch; `--` starts another group, in one node
// process), read as YAML 1.2 with no custom tags, exactly as an editor configured with "yaml.schemas"
// would; a `# yaml-language-server: $schema=` modeline in a file takes precedence, as it does in an editor.
'use strict';

const fs = require('fs');
const path = require('path');
const { pathToFileURL, fileURLToPath } = require('url');
const { getLanguageService } = require('yaml-language-server/out/server/src/languageservice/yamlLanguageService');
const { TextDocument } = require('vscode-languageserver-textdocument');

function schemaRequestService(uri) {
  // Only local files: the tests never need the network (an http(s) $schema fails as an editor offline would).
  if (uri.startsWith('file://')) {
    try {
      return Promise.resolve(fs.readFileSync(fileURLToPath(uri), 'utf8'));
    } catch (e) {
      return Promise.reject(`cannot read ${uri}: ${e.message}`);
    }
  }
  return Promise.reject(`no network: ${uri}`);
}

const workspaceContext = {
  resolveRelativePath: (relativePath, resource) => new URL(relativePath, resource).toString(),
};

function service(schemaPath, files) {
  const ls = getLanguageService({ schemaRequestService, workspaceContext, clientCapabilities: {} });
  const schemaUri = pathToFileURL(path.resolve(schemaPath)).toString();
  const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
  ls.configure({
    validate: true,
    hover: true,
    completion: true,
    // fileMatch globs are matched against the document URI with a **/ prefix: the exact absolute paths.
    schemas: [{ uri: schemaUri, fileMatch: files.map((f) => path.resolve(f)), schema }],
    yamlVersion: '1.2',
    customTags: [],
  });
  return ls;
}

function documentFor(file) {
  const uri = pathToFileURL(path.resolve(file)).toString();
  return TextDocument.create(uri, 'yaml', 1, fs.readFileSync(file, 'utf8'));
}

function text(contents) {
  if (contents == null) return '';
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map(text).join('\n\n');
  return contents.value ?? '';
}

async function validate(schemaPath, files, out) {
  const ls = service(schemaPath, files);
  for (const file of files) {
    const diagnostics = await ls.doValidation(documentFor(file), false);
    for (const d of diagnostics) {
      out.push({
        file,
        line: d.range.start.line + 1,
        col: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endCol: d.range.end.character + 1,
        message: d.message,
        severity: d.severity,
        source: d.source,
        code: d.code ?? null,
      });
    }
  }
}

async function hover(schemaPath, file, line, col) {
  const ls = service(schemaPath, [file]);
  const h = await ls.doHover(documentFor(file), { line: line - 1, character: col - 1 });
  return h ? { contents: text(h.contents) } : null;
}

async function complete(schemaPath, file, line, col) {
  const ls = service(schemaPath, [file]);
  const list = await ls.doComplete(documentFor(file), { line: line - 1, character: col - 1 }, false);
  return list.items.map((i) => ({
    label: i.label, kind: i.kind, detail: i.detail ?? null, documentation: text(i.documentation),
  }));
}

async function main(argv) {
  let result;
  if (argv[0] === '--hover' || argv[0] === '--complete') {
    if (argv.length !== 5) throw new Error(`usage: driver.js ${argv[0]} SCHEMA FILE LINE COL`);
    const [mode, schemaPath, file, line, col] = argv;
    result = await (mode === '--hover' ? hover : complete)(schemaPath, file, Number(line), Number(col));
  } else {
    result = [];
    const groups = argv.join('\0').split('\0--\0').map((g) => g.split('\0'));
    for (const [schemaPath, ...files] of groups) {
      if (!schemaPath || !files.length) throw new Error('usage: driver.js SCHEMA.json FILE.yaml... [-- SCHEMA.json FILE.yaml...]...');
      await validate(schemaPath, files, result);
    }
  }
  process.stdout.write(JSON.stringify(result, null, 1) + '\n');
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
  process.exit(2);
});
