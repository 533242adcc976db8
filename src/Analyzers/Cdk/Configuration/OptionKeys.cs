namespace CdkLint.Cdk
{
    /// <summary>
    /// Every option a rule or a fix reads from .editorconfig / a global config, declared once: the key of
    /// <c>cdklint.&lt;rule&gt;.&lt;key&gt;</c> (or the rule-less <c>cdklint.&lt;key&gt;</c>, see <see cref="CdkConfiguration"/>).
    /// <see cref="All"/> lists each with its rule, and a catalogue test holds every one to being named on its rule's page.
    /// </summary>
    internal static class OptionKeys
    {
        /// <summary>CDK2001: report buckets that leave BlockPublicAccess unset even where S3's default blocks.</summary>
        public const string RequireExplicit = "require_explicit";

        /// <summary>CDK2003: report resource wildcards that CDK's own grants would write too.</summary>
        public const string Strict = "strict";

        /// <summary>CDK2004: the origins the CORS fix writes.</summary>
        public const string AllowedCorsOrigins = "allowed_cors_origins";

        /// <summary>CDK3002: the stage throttling the fix writes.</summary>
        public const string RateLimit = "rate_limit";

        public const string BurstLimit = "burst_limit";

        /// <summary>CDK3003: the sizing the fix writes.</summary>
        public const string MemorySize = "memory_size";

        public const string TimeoutSeconds = "timeout_seconds";

        /// <summary>CDK4001: the tag keys every stack must carry, and the values its fix writes.</summary>
        public const string RequiredTags = "required_tags";

        public const string Values = "values";

        /// <summary>CDK4002: the retention of every log group a fix creates (functions, state machines, containers).</summary>
        public const string RetentionDays = "retention_days";

        /// <summary>CDK4003: the account's API Gateway CloudWatch role is configured outside the app.</summary>
        public const string AccountRoleConfigured = "account_role_configured";

        /// <summary>CDK1007: the receive count after which the fix's dead-letter queue takes a message.</summary>
        public const string MaxReceiveCount = "max_receive_count";

        /// <summary>CDK5002: the date the runtime schedule is compared with (tests, reproducible builds).</summary>
        public const string Today = "today";

        /// <summary>Each option: the page that documents it, and the rule it is read under (<c>cdklint.&lt;Rule&gt;.&lt;Key&gt;</c>).</summary>
        public static readonly (string Page, string Rule, string Key)[] All =
        {
            (Descriptors.CDK1007.Id, Descriptors.CDK1007.Id, MaxReceiveCount),
            (Descriptors.CDK2001.Id, Descriptors.CDK2001.Id, RequireExplicit),
            (Descriptors.CDK2003.Id, Descriptors.CDK2003.Id, Strict),
            (Descriptors.CDK2004.Id, Descriptors.CDK2004.Id, AllowedCorsOrigins),
            (Descriptors.CDK3002.Id, Descriptors.CDK3002.Id, RateLimit),
            (Descriptors.CDK3002.Id, Descriptors.CDK3002.Id, BurstLimit),
            (Descriptors.CDK3003.Id, Descriptors.CDK3003.Id, MemorySize),
            (Descriptors.CDK3003.Id, Descriptors.CDK3003.Id, TimeoutSeconds),
            (Descriptors.CDK4001.Id, Descriptors.CDK4001.Id, RequiredTags),
            (Descriptors.CDK4001.Id, Descriptors.CDK4001.Id, Values),
            (Descriptors.CDK4002.Id, Descriptors.CDK4002.Id, RetentionDays),
            (Descriptors.CDK4005.Id, Descriptors.CDK4002.Id, RetentionDays),
            (Descriptors.CDK4006.Id, Descriptors.CDK4002.Id, RetentionDays),
            (Descriptors.CDK4003.Id, Descriptors.CDK4003.Id, AccountRoleConfigured),
            (Descriptors.CDK5002.Id, Descriptors.CDK5002.Id, Today),
        };
    }
}
