using Microsoft.CodeAnalysis;

namespace CdkLint
{
    /// <summary>
    /// The rule catalogue, and the one name of each rule (<c>Descriptors.CDK2002</c>; its ID is <c>Descriptors.CDK2002.Id</c>):
    /// one factory sets category, severity and help link for every descriptor. IDs are permanent: never renumber, never reuse.
    /// </summary>
    internal static class Descriptors
    {
        public const string HelpLinkBase = "https://github.com/cdklint/cdklint/blob/main/docs/rules/";

        public static class Categories
        {
            public const string Deployment = "CdkLint.Deployment";
            public const string Security = "CdkLint.Security";
            public const string Performance = "CdkLint.Performance";
            public const string Observability = "CdkLint.Observability";
            public const string Correctness = "CdkLint.Correctness";
            public const string Policy = "CdkLint.Policy";
            public const string AwsSolutions = "CdkLint.AwsSolutions";
        }

        public static readonly DiagnosticDescriptor CDK1001 = Create(
            "CDK1001",
            "Hardcoded physical resource name",
            "{0} '{1}' is hardcoded: let CloudFormation name the resource, or make the name unique per environment",
            Categories.Deployment,
            DiagnosticSeverity.Warning,
            "A constant physical name stops two copies of the stack (another stage, another developer) from deploying in one account and region, and blocks any update that must replace the resource.");

        public static readonly DiagnosticDescriptor CDK1002 = Create(
            "CDK1002",
            "Stateful resource deleted with its stack",
            "{0} on a {1} deletes its data when the stack is deleted or the resource is replaced: use RemovalPolicy.RETAIN",
            Categories.Deployment,
            DiagnosticSeverity.Warning,
            "RemovalPolicy.DESTROY (and AutoDeleteObjects on a bucket) makes CloudFormation delete a data store together with its data.");

        // ---- CDK10xx Deployment (issue 10 / issue 9) ----

        public static readonly DiagnosticDescriptor CDK1003 = Create(
            "CDK1003",
            "Stack has no explicit environment",
            "{0} is created without an environment: set Env (account and region) so that lookups, availability zones and region-specific features resolve at synth",
            Categories.Deployment,
            DiagnosticSeverity.Info,
            "An environment-agnostic stack cannot look up existing resources, spans only two availability zones, and leaves the account and region to deploy time.");

        public static readonly DiagnosticDescriptor CDK1004 = Create(
            "CDK1004",
            "DynamoDB table without point-in-time recovery",
            "{0} {1}: enable point-in-time recovery so that a bad write or delete can be rolled back",
            Categories.Deployment,
            DiagnosticSeverity.Warning,
            "Without point-in-time recovery DynamoDB keeps no continuous backups, and data lost to a faulty deployment or a bad script cannot be restored.");

        public static readonly DiagnosticDescriptor CDK1005 = Create(
            "CDK1005",
            "Hardcoded account ID or region in an ARN",
            "This ARN hardcodes {0}: build it from Aws.ACCOUNT_ID / Aws.REGION or the referenced construct so that it follows the stack's environment",
            Categories.Deployment,
            DiagnosticSeverity.Info,
            "An ARN with a literal account or region keeps pointing at one environment when the stack is deployed to another.");

        public static readonly DiagnosticDescriptor CDK1006 = Create(
            "CDK1006",
            "RDS database without deletion protection",
            "{0} {1}: set DeletionProtection = true so that the database cannot be deleted by a stack update or a mistaken delete",
            Categories.Deployment,
            DiagnosticSeverity.Warning,
            "Without deletion protection a stack deletion, or an update that replaces or removes the database, deletes it; CDK turns protection on only when the removal policy is RETAIN.");

        // ---- CDK2xxx Security (issue 9) ----

        public static readonly DiagnosticDescriptor CDK1007 = Create(
            "CDK1007",
            "Queue consumed without a dead-letter queue",
            "{0} feeds a Lambda function but has no DeadLetterQueue: a message that keeps failing is retried until its retention period ends and is then deleted unseen",
            Categories.Deployment,
            DiagnosticSeverity.Warning,
            "Without a dead-letter queue, a message a function cannot process is received again and again until the queue's retention period (4 days by default) deletes it; in a FIFO queue it also blocks its message group.");

        public static readonly DiagnosticDescriptor CDK2001 = Create(
            "CDK2001",
            "S3 bucket does not block public access",
            "{0} {1}: {2}",
            Categories.Security,
            DiagnosticSeverity.Warning,
            "A bucket that does not block public access can be opened to the internet by one policy or ACL change; blocking it explicitly makes the template state the intent and such a change fail loudly.");

        public static readonly DiagnosticDescriptor CDK2002 = Create(
            "CDK2002",
            "S3 bucket accepts non-TLS requests",
            "{0} accepts requests over plain HTTP: set EnforceSSL = true",
            Categories.Security,
            DiagnosticSeverity.Warning,
            "Without EnforceSSL the bucket policy does not deny requests made without TLS, so data and credentials can travel unencrypted.");

        public static readonly DiagnosticDescriptor CDK2003 = Create(
            "CDK2003",
            "Wildcard IAM permission",
            "{0} grants more than the code needs: name the actions, resources and callers it uses",
            Categories.Security,
            DiagnosticSeverity.Warning,
            "Wildcards in an Allow statement grant every current and future action or resource, so a bug or a stolen credential can do far more than the code ever needed.");

        public static readonly DiagnosticDescriptor CDK2004 = Create(
            "CDK2004",
            "CORS allows every origin",
            "{0} allows every origin: list the origins that may call it",
            Categories.Security,
            DiagnosticSeverity.Warning,
            "A CORS policy that allows every origin lets any web page use the visitor's browser to call the API or read the bucket.");

        public static readonly DiagnosticDescriptor CDK2005 = Create(
            "CDK2005",
            "Sensitive value hardcoded in source",
            "{0} holds {1} written in source: keep it in Secrets Manager or SSM Parameter Store and pass a reference",
            Categories.Security,
            DiagnosticSeverity.Warning,
            "Credentials and personal data written in source end up in the repository, the synthesized template and the AWS console, readable by anyone who can read any of them.");

        public static readonly DiagnosticDescriptor CDK2006 = Create(
            "CDK2006",
            "Queue or topic accepts non-TLS requests",
            "{0} accepts requests over plain HTTP: {1}",
            Categories.Security,
            DiagnosticSeverity.Warning,
            "An SQS queue or SNS topic accepts requests over plain HTTP unless its resource policy denies them, so messages and credentials can cross the network unencrypted.");

        public static readonly DiagnosticDescriptor CDK2007 = Create(
            "CDK2007",
            "Storage not encrypted at rest",
            "{0} {1}: encrypt its data at rest",
            Categories.Security,
            DiagnosticSeverity.Warning,
            "Databases, volumes, file systems, search domains, queues and streams left unencrypted at rest expose their data to anyone who reaches the underlying storage, snapshots or backups, and fail most compliance baselines.");

        public static readonly DiagnosticDescriptor CDK2008 = Create(
            "CDK2008",
            "Security group open to the internet on a sensitive port",
            "This ingress rule opens {0} to the whole internet ({1}): allow a narrower range, or reach the host through SSM Session Manager or EC2 Instance Connect Endpoint",
            Categories.Security,
            DiagnosticSeverity.Warning,
            "Administrative and data-store ports open to 0.0.0.0/0 or ::/0 are found by internet-wide scanners within minutes and attacked with stolen or guessed credentials and known exploits.");

        public static readonly DiagnosticDescriptor CDK2009 = Create(
            "CDK2009",
            "KMS key without automatic rotation",
            "{0} {1}: set EnableKeyRotation = true so that KMS rotates the key material every year",
            Categories.Security,
            DiagnosticSeverity.Warning,
            "A customer managed symmetric KMS key does not rotate its key material unless rotation is enabled, so the same material protects data for the key's whole life.");

        // ---- CDK3xxx Performance (issue 11) ----

        public static readonly DiagnosticDescriptor CDK3001 = Create(
            "CDK3001",
            "CloudFront caching disabled for static content",
            "{0} on a behaviour that serves files from S3 {1}",
            Categories.Performance,
            DiagnosticSeverity.Warning,
            "Files served from S3 are what CloudFront caches best; disabling or splitting the cache for them sends requests to the bucket, slower and billed per request.");

        public static readonly DiagnosticDescriptor CDK3002 = Create(
            "CDK3002",
            "REST API without throttling",
            "{0} has no throttling: set ThrottlingRateLimit and ThrottlingBurstLimit in DeployOptions (or for \"/*/*\" in MethodOptions), or add a usage plan with a Throttle",
            Categories.Performance,
            DiagnosticSeverity.Warning,
            "A REST API stage without throttling only has the account-wide limit shared by every API in the region: one noisy caller can exhaust it for all of them and run up the backend's cost.");

        public static readonly DiagnosticDescriptor CDK3003 = Create(
            "CDK3003",
            "Lambda function left at default memory and timeout",
            "{0} {1}: size it from measurements",
            Categories.Performance,
            DiagnosticSeverity.Info,
            "AWS runs a function without MemorySize and Timeout with 128 MB and a 3-second timeout; memory also sets the CPU share, so one size for every function is slow for some and costly for others.");

        public static readonly DiagnosticDescriptor CDK3004 = Create(
            "CDK3004",
            "Lambda timeout does not fit its trigger",
            "{0}",
            Categories.Performance,
            DiagnosticSeverity.Warning,
            "API Gateway stops waiting for a function after 29 seconds, and an SQS event source needs a queue visibility timeout at least as long as the function's timeout: a function timeout that does not fit its trigger fails callers or the deploy.");

        // ---- CDK4xxx Observability (issue 10) ----

        public static readonly DiagnosticDescriptor CDK4001 = Create(
            "CDK4001",
            "Stack is missing required tags",
            "{0} does not tag its resources with {1}: add them with Amazon.CDK.Tags.Of(this).Add, StackProps.Tags or Tags.Of(app)",
            Categories.Observability,
            DiagnosticSeverity.Warning,
            "Cost allocation, ownership and incident routing rely on tags that every resource carries; a stack that does not receive the required keys by any route leaves its resources untagged.",
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor CDK4002 = Create(
            "CDK4002",
            "Lambda logs kept forever",
            "{0} keeps its logs forever: give it a LogGroup with a retention (or LogRetention on older CDK versions)",
            Categories.Observability,
            DiagnosticSeverity.Warning,
            "Lambda creates its log group on first write with no expiry, so logs accumulate (and are billed) forever unless the function gets a log group with a retention.");

        public static readonly DiagnosticDescriptor CDK4003 = Create(
            "CDK4003",
            "REST API stage without logging and tracing",
            "{0} deploys a stage without {1}: set them in DeployOptions",
            Categories.Observability,
            DiagnosticSeverity.Warning,
            "An API Gateway stage keeps no access logs, no execution logs and no X-Ray traces unless its deploy options ask for them, so failed requests leave no trace.");

        public static readonly DiagnosticDescriptor CDK4004 = Create(
            "CDK4004",
            "Lambda without active tracing",
            "{0} has no Tracing setting: set Tracing = Tracing.ACTIVE to send X-Ray traces, or Tracing.DISABLED to decide against it",
            Categories.Observability,
            DiagnosticSeverity.Info,
            "Without active tracing a Lambda function sends no X-Ray traces, so a slow or failing request cannot be followed across services.");

        public static readonly DiagnosticDescriptor CDK4005 = Create(
            "CDK4005",
            "State machine without logging or tracing",
            "{0} has {1}: set Logs with Level = LogLevel.ALL and TracingEnabled = true, or set them to what you decide",
            Categories.Observability,
            DiagnosticSeverity.Info,
            "A Step Functions state machine keeps no execution log and sends no X-Ray trace unless its props ask for them; an Express workflow then leaves no record of an execution at all.");

        public static readonly DiagnosticDescriptor CDK4006 = Create(
            "CDK4006",
            "Container without logs",
            "{0} {1}: send its output to CloudWatch Logs with Logging = LogDrivers.AwsLogs(…)",
            Categories.Observability,
            DiagnosticSeverity.Warning,
            "An ECS container without a log configuration writes its output to the Docker daemon's driver, which on Fargate keeps it nowhere: a failing task leaves no trace.");

        public static readonly DiagnosticDescriptor CDK4007 = Create(
            "CDK4007",
            "ECS cluster without Container Insights",
            "{0} has no Container Insights setting: turn Container Insights on to collect per-task and per-service metrics, or set it off to decide against it",
            Categories.Observability,
            DiagnosticSeverity.Info,
            "Without Container Insights an ECS cluster reports only cluster- and service-level CPU and memory, so a failing or starved task cannot be found from its metrics.");

        public static readonly DiagnosticDescriptor CDK4008 = Create(
            "CDK4008",
            "VPC without flow logs",
            "{0} has no flow log: add FlowLogs (or vpc.AddFlowLog) so that the traffic in and out of the VPC is recorded",
            Categories.Observability,
            DiagnosticSeverity.Info,
            "Without a flow log there is no record of which addresses reached which network interfaces, which incident response and network troubleshooting need.");

        // ---- CDK5xxx Correctness (issue 11) ----

        public static readonly DiagnosticDescriptor CDK5001 = Create(
            "CDK5001",
            "Inline Lambda code is broken",
            "Inline Lambda code is broken: {0}",
            Categories.Correctness,
            DiagnosticSeverity.Warning,
            "Inline Lambda code is only run when the function is invoked: a missing import, Python 2 syntax or a handler the code does not define deploys cleanly and fails on every call.");

        public static readonly DiagnosticDescriptor CDK5002 = Create(
            "CDK5002",
            "Deprecated Lambda runtime",
            "Lambda runtime {0} {1}: move the function to {2}",
            Categories.Correctness,
            DiagnosticSeverity.Warning,
            "AWS stops patching a deprecated Lambda runtime, then blocks creating and later updating functions on it: a stack that uses one fails to deploy new or changed functions.");

        // ---- Suppressors ----

        public static readonly SuppressionDescriptor CDKS001 = new(
            "CDKS001",
            "CA1806",
            "A construct created with a scope registers itself in the construct tree: discarding the reference is the CDK idiom, not an ignored result.");

        // ---- CDK9xxx Team policies (issue 13) ----

        public static readonly DiagnosticDescriptor CDK9001 = Create(
            "CDK9001",
            "CdkLint finding suppressed without a reason",
            "{0} suppresses a CdkLint finding without a reason: add {1} that says why",
            Categories.Policy,
            DiagnosticSeverity.Info,
            "A suppressed finding is an accepted risk; without its reason nobody can tell a reviewed exception from a silenced warning.");

        public static readonly DiagnosticDescriptor CDK9100 = Create(
            "CDK9100",
            "Team policy not met",
            "[{0}] {1} ({2})",
            Categories.Policy,
            DiagnosticSeverity.Warning,
            "A requirement the team declared in cdklint.json is not met; the policy's name, message and severity come from that file.");

        public static readonly DiagnosticDescriptor CDK9101 = Create(
            "CDK9101",
            "cdklint.json cannot be read",
            "{0} ({1},{2}): {3}; its policies are not applied",
            Categories.Policy,
            DiagnosticSeverity.Warning,
            "The team's cdklint.json has a problem; until it is fixed none of its policies are checked.");

        // ---- CDKN_x: the AwsSolutions pack (issue 21), one descriptor per pack row of Pack.AwsSolutionsRules ----

        private static readonly System.Collections.Generic.Dictionary<string, DiagnosticDescriptor> PackDescriptors = CreatePack();

        /// <summary>The pack diagnostic of the AwsSolutions rule <paramref name="name"/> (<c>S1</c> → CDKN_S1): off by default, a warning in the AwsSolutions preset.</summary>
        public static DiagnosticDescriptor Pack(string name) => PackDescriptors[name];

        private static System.Collections.Generic.Dictionary<string, DiagnosticDescriptor> CreatePack()
        {
            var pack = new System.Collections.Generic.Dictionary<string, DiagnosticDescriptor>(System.StringComparer.Ordinal);
            foreach (var rule in CdkLint.Pack.AwsSolutionsRules.All)
            {
                if (rule.Coverage == CdkLint.Pack.Coverage.Pack)
                {
                    pack[rule.Name] = new DiagnosticDescriptor(
                        rule.Id,
                        rule.Title,
                        "{0} {1} (" + rule.NagId + ")",
                        Categories.AwsSolutions,
                        DiagnosticSeverity.Warning,
                        isEnabledByDefault: false,
                        description: rule.Why,
                        helpLinkUri: HelpLink(rule.Id));
                }
            }

            return pack;
        }

        public static string HelpLink(string id) => HelpLinkBase + id + ".md";

        private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, string description, params string[] tags)
            => new(id, title, message, category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpLink(id), customTags: tags);
    }
}
