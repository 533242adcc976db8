// Runs cdk-nag's AwsSolutions and Serverless packs over a synthesized CloudFormation template; prints the findings
// as JSON:
//   node nag.js <template.json> [findings.json]
//   → [{ "rule": "AwsSolutions-S10", "level": "error", "resource": "ProductImagesBucketPolicy1A2B3C4D" }, ...]
// The findings go to findings.json when given, to stdout otherwise. Exit code 0 whether or not cdk-nag finds
// anything; non-zero only when the template could not be checked.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { App, CfnResource, DefaultStackSynthesizer, Stack, Validations } = require('aws-cdk-lib');
const { CfnInclude } = require('aws-cdk-lib/cloudformation-include');
const { AwsSolutionsChecks, ServerlessChecks } = require('cdk-nag');

const [templateFile, findingsFile] = process.argv.slice(2);
if (!templateFile || !fs.existsSync(templateFile)) {
  console.error('usage: node nag.js <template.json> [findings.json]');
  process.exit(2);
}

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdklint-nag-'));
try {
  const app = new App({
    outdir,
    // CDK's own CloudFormation schema check runs as a validation plugin too; it is not what is asked here, and it
    // takes ten times as long as cdk-nag.
    builtinCloudFormationValidation: false,
    context: {
      // cdk-nag 3 is a policy validation plugin: synthesis writes its findings to validation-report.json. Keep
      // synthesis going when it finds errors, since the findings are what this script is for.
      '@aws-cdk/core:failSynthOnValidationErrors': false,
    },
  });
  // cloudformation-include keeps each resource's logical ID (and its construct ID under the include), so a finding
  // names the resource exactly as the template does. The template already carries CDK's BootstrapVersion parameter
  // and its check rule, so the wrapping stack must not add them a second time.
  const stack = new Stack(app, 'Nag', {
    synthesizer: new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),
  });
  new CfnInclude(stack, 'Template', { templateFile });
  // AwsSolutions is the pack most teams run; the Serverless pack holds the rules on throttling, tracing and Lambda
  // settings that AwsSolutions lacks.
  const packs = [new AwsSolutionsChecks(app, { verbose: false }), new ServerlessChecks(app, { verbose: false })];
  Validations.of(app).addPlugins(...packs);
  app.synth();

  const logicalIds = new Map();
  for (const construct of app.node.findAll()) {
    if (CfnResource.isCfnResource(construct)) {
      logicalIds.set(construct.node.path, Stack.of(construct).resolve(construct.logicalId));
    }
  }

  const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
  const findings = [];
  for (const plugin of report.pluginReports ?? []) {
    // Only cdk-nag's packs: CDK may report through other plugins in the same file (construct annotations).
    if (!packs.some((pack) => pack.name === plugin.pluginName)) {
      continue;
    }

    for (const violation of plugin.violations) {
      for (const construct of violation.violatingConstructs) {
        findings.push({
          rule: violation.ruleName,
          level: violation.severity,
          resource: logicalIds.get(construct.constructPath) ?? construct.constructPath,
        });
      }
    }
  }

  findings.sort((a, b) => a.rule.localeCompare(b.rule) || a.resource.localeCompare(b.resource));
  const json = JSON.stringify(findings, undefined, 2) + '\n';
  if (findingsFile) {
    fs.writeFileSync(findingsFile, json);
  } else {
    process.stdout.write(json);
  }
} finally {
  fs.rmSync(outdir, { recursive: true, force: true });
}
