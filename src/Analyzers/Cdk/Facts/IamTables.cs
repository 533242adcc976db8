using System.Collections.Generic;

namespace CdkLint.Cdk
{
    /// <summary>The IAM facts CDK2003 and its fix need, as data.</summary>
    internal static class IamTables
    {
        /// <summary>
        /// Actions that support no resource-level scoping: the AWS Service Authorization Reference lists them with no
        /// resource types, so `Resource: "*"` is the only valid resource and not a finding. Source: AWS Service
        /// Authorization Reference (docs.aws.amazon.com/service-authorization/latest/reference), "Resource types" column
        /// empty; entries ending in `*` are prefixes (every `ec2:Describe…` action is unscoped).
        /// </summary>
        public static readonly string[] UnscopedActions =
        {
            "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets",
            "xray:GetSamplingStatisticSummaries",
            "cloudwatch:PutMetricData", "cloudwatch:GetMetricData", "cloudwatch:ListMetrics",
            "ec2:Describe*",
            "sts:GetCallerIdentity",
            "textract:DetectDocumentText", "textract:AnalyzeDocument", "textract:AnalyzeExpense", "textract:AnalyzeID",
            "s3:ListAllMyBuckets",
            "ecr:GetAuthorizationToken",
            "sns:ListTopics", "sqs:ListQueues", "dynamodb:ListTables", "lambda:ListFunctions",
            "secretsmanager:ListSecrets", "secretsmanager:GetRandomPassword",
            "kms:ListKeys", "kms:ListAliases",
            "rekognition:DetectLabels", "rekognition:DetectText", "comprehend:DetectSentiment", "comprehend:DetectEntities",
            "translate:TranslateText",
        };

        /// <summary>AWS managed policies that hand out administrator-level or whole-service access.</summary>
        public static bool IsBroadManagedPolicy(string name)
            => name is "AdministratorAccess" or "PowerUserAccess" or "IAMFullAccess" || name.EndsWith("FullAccess", System.StringComparison.Ordinal);

        public static bool IsUnscoped(string action)
        {
            foreach (var entry in UnscopedActions)
            {
                if (Matches(entry, action))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>`pattern` with an optional trailing `*` covers `action` (case-insensitive, as IAM compares actions).</summary>
        public static bool Matches(string pattern, string action)
            => pattern.EndsWith("*", System.StringComparison.Ordinal)
                ? action.StartsWith(pattern.Substring(0, pattern.Length - 1), System.StringComparison.OrdinalIgnoreCase)
                : string.Equals(pattern, action, System.StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// Grant methods per construct, with the actions each one grants (as CDK's own grant implementations list them),
        /// narrowest first, and the read/write grant that stands for `service:*`. Whether a method exists is checked
        /// against the referenced CDK (e.g. <c>Topic.GrantSubscribe</c> is missing in 2.103), so the table serves every version.
        /// </summary>
        public static readonly GrantSet[] Grants =
        {
            new("Amazon.CDK.AWS.DynamoDB.Table", "dynamodb", "GrantReadWriteData",
                ("GrantWriteData", new[] { "BatchWriteItem", "PutItem", "UpdateItem", "DeleteItem", "DescribeTable" }),
                ("GrantReadData", new[] { "BatchGetItem", "GetRecords", "GetShardIterator", "Query", "GetItem", "Scan", "ConditionCheckItem", "DescribeTable" }),
                ("GrantReadWriteData", new[] { "BatchGetItem", "GetRecords", "GetShardIterator", "Query", "GetItem", "Scan", "ConditionCheckItem", "DescribeTable", "BatchWriteItem", "PutItem", "UpdateItem", "DeleteItem" })),
            new("Amazon.CDK.AWS.DynamoDB.TableV2", "dynamodb", "GrantReadWriteData",
                ("GrantWriteData", new[] { "BatchWriteItem", "PutItem", "UpdateItem", "DeleteItem", "DescribeTable" }),
                ("GrantReadData", new[] { "BatchGetItem", "GetRecords", "GetShardIterator", "Query", "GetItem", "Scan", "ConditionCheckItem", "DescribeTable" }),
                ("GrantReadWriteData", new[] { "BatchGetItem", "GetRecords", "GetShardIterator", "Query", "GetItem", "Scan", "ConditionCheckItem", "DescribeTable", "BatchWriteItem", "PutItem", "UpdateItem", "DeleteItem" })),
            new("Amazon.CDK.AWS.S3.Bucket", "s3", "GrantReadWrite",
                ("GrantDelete", new[] { "DeleteObject*" }),
                ("GrantRead", new[] { "GetObject*", "GetBucket*", "List*" }),
                ("GrantPut", new[] { "PutObject", "PutObjectLegalHold", "PutObjectRetention", "PutObjectTagging", "PutObjectVersionTagging", "Abort*" }),
                ("GrantWrite", new[] { "DeleteObject*", "PutObject", "PutObjectLegalHold", "PutObjectRetention", "PutObjectTagging", "PutObjectVersionTagging", "Abort*" }),
                ("GrantReadWrite", new[] { "GetObject*", "GetBucket*", "List*", "DeleteObject*", "PutObject", "PutObjectLegalHold", "PutObjectRetention", "PutObjectTagging", "PutObjectVersionTagging", "Abort*" })),
            new("Amazon.CDK.AWS.SQS.Queue", "sqs", null,
                ("GrantSendMessages", new[] { "SendMessage", "GetQueueAttributes", "GetQueueUrl" }),
                ("GrantPurge", new[] { "PurgeQueue", "GetQueueAttributes", "GetQueueUrl" }),
                ("GrantConsumeMessages", new[] { "ReceiveMessage", "ChangeMessageVisibility", "GetQueueUrl", "DeleteMessage", "GetQueueAttributes" })),
            new("Amazon.CDK.AWS.SNS.Topic", "sns", null,
                ("GrantPublish", new[] { "Publish" }),
                ("GrantSubscribe", new[] { "Subscribe" })),
            new("Amazon.CDK.AWS.Lambda.Function", "lambda", null,
                ("GrantInvoke", new[] { "InvokeFunction" })),
            new("Amazon.CDK.AWS.SecretsManager.Secret", "secretsmanager", null,
                ("GrantRead", new[] { "GetSecretValue", "DescribeSecret" }),
                ("GrantWrite", new[] { "PutSecretValue", "UpdateSecret" })),
        };
    }

    internal sealed class GrantSet
    {
        public GrantSet(string construct, string service, string? readWrite, params (string Method, string[] Actions)[] methods)
        {
            Construct = construct;
            Service = service;
            ReadWrite = readWrite;
            Methods = methods;
        }

        public string Construct { get; }

        public string Service { get; }

        /// <summary>The grant that stands for `service:*` (read and write), or null when the construct has none.</summary>
        public string? ReadWrite { get; }

        /// <summary>Grant methods, narrowest first.</summary>
        public IReadOnlyList<(string Method, string[] Actions)> Methods { get; }
    }
}
