// Writes the table CDKN_IAM5 carries: for each Grant* method of the constructs below, the wildcards cdk-nag's
// AwsSolutions-IAM5 reports in the policy CDK gives the grantee. Derived from CDK itself, once per CDK version:
//   cd eng/grant-table && npm ci && node generate.js      (about a minute per version)
// For each version: one stack, one construct per type, one role per (type, method); `method(role)` is called, the
// stack is synthesized, cdk-nag 3.0.2 (tests/CdkLint.Tests/EndToEnd/nag/nag.js) runs over the template, and the
// IAM5 finding IDs on role N's default policy become row N. A method that throws, or that needs more than a grantee,
// is left out, and so is `grant` itself (its actions are the caller's, which CDK2003 reads). Resource tokens such as
// `<Bucket83908E77.Arn>` are written as `<arn>`.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const versions = { '2.103.0': 'cdk2103', '2.160.0': 'cdk2160', '2.276.0': 'cdk2276' };
const nag = path.join(__dirname, '..', '..', 'tests', 'CdkLint.Tests', 'EndToEnd', 'nag', 'nag.js');
const output = path.join(__dirname, '..', '..', 'src', 'Analyzers', 'Pack', 'GrantWildcards.cs');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cdklint-grants-'));
const asset = path.join(work, 'asset');
fs.mkdirSync(asset);
fs.writeFileSync(path.join(asset, 'index.js'), 'exports.handler = async () => {};\n');
const schema = path.join(work, 'schema.graphql');
fs.writeFileSync(schema, 'type Query { hello: String }\nschema { query: Query }\n');

// [C# namespace, type, module, factory]. The namespace is jsii's .NET name for the module.
function constructs(lib) {
  const partitionKey = { name: 'pk', type: lib.aws_dynamodb.AttributeType.STRING };
  return [
    ['Amazon.CDK.AWS.S3', 'Bucket', (s, id) => new lib.aws_s3.Bucket(s, id)],
    ['Amazon.CDK.AWS.S3.Assets', 'Asset', (s, id) => new lib.aws_s3_assets.Asset(s, id, { path: asset })],
    ['Amazon.CDK.AWS.DynamoDB', 'Table', (s, id) => new lib.aws_dynamodb.Table(s, id, { partitionKey })],
    ['Amazon.CDK.AWS.DynamoDB', 'TableV2', (s, id) => new lib.aws_dynamodb.TableV2(s, id, { partitionKey })],
    ['Amazon.CDK.AWS.SQS', 'Queue', (s, id) => new lib.aws_sqs.Queue(s, id)],
    ['Amazon.CDK.AWS.SNS', 'Topic', (s, id) => new lib.aws_sns.Topic(s, id)],
    ['Amazon.CDK.AWS.Lambda', 'Function', (s, id) => new lib.aws_lambda.Function(s, id, {
      runtime: lib.aws_lambda.Runtime.NODEJS_18_X, handler: 'index.handler', code: lib.aws_lambda.Code.fromInline('exports.handler = async () => {};'),
    })],
    ['Amazon.CDK.AWS.Kinesis', 'Stream', (s, id) => new lib.aws_kinesis.Stream(s, id)],
    ['Amazon.CDK.AWS.KMS', 'Key', (s, id) => new lib.aws_kms.Key(s, id)],
    ['Amazon.CDK.AWS.SecretsManager', 'Secret', (s, id) => new lib.aws_secretsmanager.Secret(s, id)],
    ['Amazon.CDK.AWS.SSM', 'StringParameter', (s, id) => new lib.aws_ssm.StringParameter(s, id, { stringValue: 'x' })],
    ['Amazon.CDK.AWS.StepFunctions', 'StateMachine', (s, id) => new lib.aws_stepfunctions.StateMachine(s, id, {
      definitionBody: lib.aws_stepfunctions.DefinitionBody.fromChainable(new lib.aws_stepfunctions.Pass(s, `${id}Pass`)),
    })],
    ['Amazon.CDK.AWS.Logs', 'LogGroup', (s, id) => new lib.aws_logs.LogGroup(s, id)],
    ['Amazon.CDK.AWS.ECR', 'Repository', (s, id) => new lib.aws_ecr.Repository(s, id)],
    ['Amazon.CDK.AWS.Events', 'EventBus', (s, id) => new lib.aws_events.EventBus(s, id)],
    ['Amazon.CDK.AWS.Cognito', 'UserPool', (s, id) => new lib.aws_cognito.UserPool(s, id)],
    ['Amazon.CDK.AWS.AppSync', 'GraphqlApi', (s, id) => new lib.aws_appsync.GraphqlApi(s, id, {
      name: id, schema: lib.aws_appsync.SchemaFile.fromAsset(schema),
    })],
    ['Amazon.CDK.AWS.OpenSearchService', 'Domain', (s, id) => new lib.aws_opensearchservice.Domain(s, id, {
      version: lib.aws_opensearchservice.EngineVersion.OPENSEARCH_1_3,
    })],
    ['Amazon.CDK.AWS.IAM', 'Role', (s, id) => new lib.aws_iam.Role(s, id, { assumedBy: new lib.aws_iam.AccountRootPrincipal() })],
    ['Amazon.CDK.AWS.CodeBuild', 'Project', (s, id) => new lib.aws_codebuild.Project(s, id, {
      buildSpec: lib.aws_codebuild.BuildSpec.fromObject({ version: '0.2' }),
    })],
  ];
}

function grantMethods(instance) {
  const names = new Set();
  for (let proto = Object.getPrototypeOf(instance); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (/^grant[A-Z]/.test(name) && typeof instance[name] === 'function') names.add(name);
    }
  }
  return [...names].sort();
}

// Logical IDs, the stack's account and region, and CloudFormation functions inside a finding ID are this script's,
// not the user's: the table keeps the shape of each wildcard only.
function normalize(id) {
  return id
    .replace(/<[A-Za-z0-9]+\.Arn>/g, '<arn>')
    .replace(/<[A-Za-z0-9]+\.([A-Za-z]+)>/g, (_, attr) => `<${attr[0].toLowerCase()}${attr.slice(1)}>`)
    .replace(/us-east-1:111111111111/g, '<region>:<account>')
    .replace(/\{"Fn::.*\}/g, '<name>')
    .replace(/cdk-hnb659fds-assets-[^/]+/g, '<asset bucket>');
}

const rows = [];
for (const [version, alias] of Object.entries(versions)) {
  const lib = require(alias);
  const app = new lib.App({ outdir: path.join(work, alias) });
  const stack = new lib.Stack(app, 'Grants', { env: { account: '111111111111', region: 'us-east-1' } });
  const calls = [];
  for (const [ns, type, make] of constructs(lib)) {
    let probe;
    try {
      probe = make(new lib.Stack(new lib.App(), 'Probe'), 'Probe');
    } catch (e) {
      console.error(`${version} ${type}: not built (${e.message.split('\n')[0]})`);
      continue;
    }
    for (const method of grantMethods(probe)) {
      const index = calls.length;
      const tryApp = new lib.App({ outdir: path.join(work, 'try') });
      const scope = new lib.Stack(tryApp, 'Try');
      try {
        // A dry run first, so that a method that throws leaves nothing behind in the real stack.
        const target = make(scope, 'T');
        target[method](new lib.aws_iam.Role(scope, 'R', { assumedBy: new lib.aws_iam.ServicePrincipal('lambda.amazonaws.com') }));
        tryApp.synth();
      } catch (e) {
        console.error(`${version} ${type}.${method}: skipped (${e.message.split('\n')[0]})`);
        continue;
      }
      const target = make(stack, `C${index}`);
      const role = new lib.aws_iam.Role(stack, `G${index}`, { assumedBy: new lib.aws_iam.ServicePrincipal('lambda.amazonaws.com') });
      target[method](role);
      calls.push({ ns, type, method: method[0].toUpperCase() + method.slice(1) });
    }
  }
  const assembly = app.synth();
  const template = path.join(assembly.directory, 'Grants.template.json');
  const findingsFile = path.join(work, `${alias}.nag.json`);
  execFileSync('node', [nag, template, findingsFile], { stdio: 'inherit' });
  const wildcards = calls.map(() => new Set());
  for (const finding of JSON.parse(fs.readFileSync(findingsFile, 'utf8'))) {
    const rule = /^AwsSolutions-IAM5\[(.*)\]$/.exec(finding.rule);
    const role = /^G(\d+)DefaultPolicy/.exec(finding.resource);
    if (rule && role) wildcards[Number(role[1])].add(normalize(rule[1]));
  }
  calls.forEach((call, i) => rows.push({ version, ...call, wildcards: [...wildcards[i]].sort() }));
  console.error(`${version}: ${calls.length} grant methods synthesized`);
}

const q = (s) => JSON.stringify(s);
const lines = rows.map((r) => `            new GrantWildcardRow(${q(r.version)}, ${q(r.ns + '.' + r.type)}, ${q(r.method)}, new string[] { ${r.wildcards.map(q).join(', ')} }),`);
fs.writeFileSync(output, `// <auto-generated>
// Written by eng/grant-table/generate.js from CDK ${Object.keys(versions).join(', ')} and cdk-nag 3.0.2; do not edit.
// Each row: a Grant* method, and the AwsSolutions-IAM5 finding IDs cdk-nag reports on the policy it gives the
// grantee (empty when the policy has no wildcard). Rerun the generator to change it.
// </auto-generated>
namespace CdkLint.Pack
{
    internal static partial class GrantWildcards
    {
        internal static readonly GrantWildcardRow[] Rows =
        {
${lines.join('\n')}
        };
    }
}
`);
console.error(`wrote ${rows.length} rows to ${path.relative(process.cwd(), output)}`);
fs.rmSync(work, { recursive: true, force: true });
