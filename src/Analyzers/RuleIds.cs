namespace CdkLint
{
    /// <summary>Every CdkLint diagnostic ID. IDs are permanent: never renumber, never reuse.</summary>
    internal static class RuleIds
    {
        public const string HardcodedPhysicalName = "CDK1001";
        public const string StatefulResourceDestroyed = "CDK1002";
        public const string StackWithoutEnvironment = "CDK1003";
        public const string TableWithoutPointInTimeRecovery = "CDK1004";
        public const string HardcodedArnAccountOrRegion = "CDK1005";
        public const string DatabaseWithoutDeletionProtection = "CDK1006";
        public const string QueueWithoutDeadLetterQueue = "CDK1007";

        public const string BucketPublicAccessNotBlocked = "CDK2001";
        public const string BucketAllowsNonTls = "CDK2002";
        public const string WildcardIamPermission = "CDK2003";
        public const string CorsAllowsEveryOrigin = "CDK2004";
        public const string HardcodedSensitiveValue = "CDK2005";
        public const string MessagingAllowsNonTls = "CDK2006";
        public const string StorageNotEncrypted = "CDK2007";
        public const string SecurityGroupOpenToInternet = "CDK2008";
        public const string KeyWithoutRotation = "CDK2009";

        public const string CloudFrontCachingDisabled = "CDK3001";
        public const string RestApiWithoutThrottling = "CDK3002";
        public const string LambdaDefaultSizing = "CDK3003";
        public const string LambdaTimeoutExceedsTrigger = "CDK3004";

        public const string StackMissingRequiredTags = "CDK4001";
        public const string LambdaLogsKeptForever = "CDK4002";
        public const string RestApiStageWithoutLogging = "CDK4003";
        public const string LambdaWithoutTracing = "CDK4004";
        public const string StateMachineWithoutLogs = "CDK4005";
        public const string ContainerWithoutLogs = "CDK4006";
        public const string ClusterWithoutContainerInsights = "CDK4007";
        public const string VpcWithoutFlowLogs = "CDK4008";

        public const string InlineLambdaCodeBroken = "CDK5001";
        public const string DeprecatedLambdaRuntime = "CDK5002";

        public const string ConstructCreatedForSideEffect = "CDKS001";

        public const string SuppressionWithoutReason = "CDK9001";
        public const string TeamPolicy = "CDK9100";
        public const string TeamPolicyFileInvalid = "CDK9101";
    }
}
