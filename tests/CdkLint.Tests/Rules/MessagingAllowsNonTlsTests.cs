using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Xunit;
using VerifyCS = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.MessagingAllowsNonTlsAnalyzer, CdkLint.CodeFixes.Rules.MessagingAllowsNonTlsFixer>;

namespace CdkLint.Tests.Rules
{
    public class MessagingAllowsNonTlsTests
    {
        [Theory, CdkVersions]
        public Task Queues_without_a_tls_deny_get_EnforceSSL(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack("""
                        {|CDK2006:new Queue(this, "Orders")|};
                        var shared = new QueueProps { VisibilityTimeout = Duration.Seconds(60) };
                        {|CDK2006:new Queue(this, "Payments", shared)|};
                        new Queue(this, "Refunds", new QueueProps { EnforceSSL = {|CDK2006:false|} });
            """),
            Code.Stack("""
                        new Queue(this, "Orders", new QueueProps { EnforceSSL = true });
                        var shared = new QueueProps { VisibilityTimeout = Duration.Seconds(60), EnforceSSL = true };
                        new Queue(this, "Payments", shared);
                        new Queue(this, "Refunds", new QueueProps { EnforceSSL = true });
            """));

        [Theory, CdkVersions]
        public Task Queues_made_in_a_loop_over_configuration(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack("""
                        var names = new[] { "orders", "payments" };
                        foreach (var name in names)
                        {
                            var queueProps = new QueueProps { RetentionPeriod = Duration.Days(7) };
                            {|CDK2006:new Queue(this, name, queueProps)|};
                        }
            """));

        [Fact]
        public Task Topics_on_current_cdk_get_EnforceSSL() => VerifyCS.Fix(CdkVersion.V2_277,
            Code.Stack("""
                        {|CDK2006:new Topic(this, "Alerts")|};
                        new Topic(this, "Audit", new TopicProps { EnforceSSL = {|CDK2006:false|} });
            """),
            Code.Stack("""
                        new Topic(this, "Alerts", new TopicProps { EnforceSSL = true });
                        new Topic(this, "Audit", new TopicProps { EnforceSSL = true });
            """));

        [Theory]
        [InlineData(CdkVersion.V2_103)]
        [InlineData(CdkVersion.V2_160)]
        public Task Topics_on_older_cdk_get_the_deny_statement_by_hand(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack("""
                        var alerts = {|CDK2006:new Topic(this, "Alerts")|};
                        Audit = {|CDK2006:new Topic(this, "Audit", new TopicProps { DisplayName = "audit" })|};
            """,
            """
                    public Topic Audit;
            """),
            Code.Stack("""
                        var alerts = new Topic(this, "Alerts");
                        alerts.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
                        {
                            Effect = Effect.DENY,
                            Principals = new IPrincipal[] { new AnyPrincipal() },
                            Actions = new[] { "sns:Publish" },
                            Resources = new[] { alerts.TopicArn },
                            Conditions = new Dictionary<string, object>
                            {
                                ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" },
                            },
                        }));
                        Audit = new Topic(this, "Audit", new TopicProps { DisplayName = "audit" });
                        Audit.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
                        {
                            Effect = Effect.DENY,
                            Principals = new IPrincipal[] { new AnyPrincipal() },
                            Actions = new[] { "sns:Publish" },
                            Resources = new[] { Audit.TopicArn },
                            Conditions = new Dictionary<string, object>
                            {
                                ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" },
                            },
                        }));
            """,
            """
                    public Topic Audit;
            """));

        [Fact]
        public Task On_2_160_EnforceSSL_on_a_topic_counts_only_beside_another_policy_statement() => VerifyCS.Diagnostics(CdkVersion.V2_160,
            Code.StackWith("using Amazon.CDK.AWS.Events;\nusing Amazon.CDK.AWS.Events.Targets;\n", """
                        var lonely = {|CDK2006:new Topic(this, "Lonely", new TopicProps { EnforceSSL = true })|};
                        var granted = new Topic(this, "Granted", new TopicProps { EnforceSSL = true });
                        granted.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
                        {
                            Actions = new[] { "sns:Publish" },
                            Principals = new IPrincipal[] { new ServicePrincipal("cloudwatch.amazonaws.com") },
                            Resources = new[] { granted.TopicArn },
                        }));
                        var granted2 = new Topic(this, "GrantedToService", new TopicProps { EnforceSSL = true });
                        granted2.GrantPublish(new ServicePrincipal("events.amazonaws.com"));
                        var role = new Role(this, "Publisher", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
                        var roleOnly = {|CDK2006:new Topic(this, "GrantedToRole", new TopicProps { EnforceSSL = true })|};
                        roleOnly.GrantPublish(role);
                        var targeted = new Topic(this, "Targeted", new TopicProps { EnforceSSL = true });
                        new Rule(this, "Nightly", new RuleProps { Schedule = Schedule.Rate(Duration.Days(1)), Targets = new IRuleTarget[] { new SnsTopic(targeted) } });
            """));

        [Fact]
        public Task A_topic_held_in_a_property_on_2_160_gets_no_fix_it_could_not_settle() => VerifyCS.Fix(CdkVersion.V2_160,
            Code.Stack("""
                        Alerts = {|CDK2006:new Topic(this, "Alerts")|};
            """, """
                    public Topic Alerts { get; private set; }
            """),
            Code.Stack("""
                        Alerts = {|CDK2006:new Topic(this, "Alerts")|};
            """, """
                    public Topic Alerts { get; private set; }
            """));

        [Fact]
        public Task A_topic_not_held_anywhere_on_2_160_is_flagged_without_a_fix() => VerifyCS.Fix(CdkVersion.V2_160,
            Code.Stack("""
                        Use({|CDK2006:new Topic(this, "Passed")|});
            """, """
                    private static void Use(ITopic topic) { }
            """),
            Code.Stack("""
                        Use({|CDK2006:new Topic(this, "Passed")|});
            """, """
                    private static void Use(ITopic topic) { }
            """));

        [Theory, CdkVersions]
        public Task An_encrypted_topic_still_accepts_plain_http(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith("using Amazon.CDK.AWS.KMS;\n", """
                        var key = new Key(this, "TopicKey", new KeyProps { EnableKeyRotation = true });
                        var topic = {|CDK2006:new Topic(this, "Encrypted", new TopicProps { MasterKey = key })|};
            """));

        [Theory, CdkVersions]
        public Task Queues_and_topics_that_deny_plain_http_are_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack("""
                        var secure = (string)Node.TryGetContext("secure") == "yes";
                        new Queue(this, "Enforced", new QueueProps { EnforceSSL = true });
                        new Queue(this, "Chosen", new QueueProps { EnforceSSL = secure });
                        Queue.FromQueueArn(this, "Imported", "arn:aws:sqs:eu-west-1:111122223333:shared");
                        Topic.FromTopicArn(this, "ImportedTopic", "arn:aws:sns:eu-west-1:111122223333:shared");

                        var byHand = new Queue(this, "ByHand");
                        byHand.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
                        {
                            Effect = Effect.DENY,
                            Principals = new IPrincipal[] { new AnyPrincipal() },
                            Actions = new[] { "sqs:*" },
                            Resources = new[] { byHand.QueueArn },
                            Conditions = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } },
                        }));

                        var withPolicy = new Queue(this, "WithPolicy");
                        var policy = new QueuePolicy(this, "WithPolicyPolicy", new QueuePolicyProps { Queues = new IQueue[] { withPolicy } });
                        policy.Document.AddStatements(new PolicyStatement(new PolicyStatementProps
                        {
                            Effect = Effect.DENY,
                            Principals = new IPrincipal[] { new AnyPrincipal() },
                            Actions = new[] { "*" },
                            Resources = new[] { withPolicy.QueueArn },
                            Conditions = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } },
                        }));

                        var topic = new Topic(this, "Denied");
                        topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
                        {
                            Effect = Effect.DENY,
                            Principals = new IPrincipal[] { new AnyPrincipal() },
                            Actions = new[] { "sns:Publish" },
                            Resources = new[] { topic.TopicArn },
                            Conditions = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } },
                        }));
            """));

        [Theory, CdkVersions]
        public Task A_deny_of_other_actions_or_on_another_resource_does_not_count(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack("""
                        var partial = {|CDK2006:new Queue(this, "Partial")|};
                        partial.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
                        {
                            Effect = Effect.DENY,
                            Principals = new IPrincipal[] { new AnyPrincipal() },
                            Actions = new[] { "sqs:SendMessage" },
                            Resources = new[] { partial.QueueArn },
                            Conditions = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } },
                        }));
                        var other = new Queue(this, "Other", new QueueProps { EnforceSSL = true });
                        var elsewhere = {|CDK2006:new Queue(this, "Elsewhere")|};
                        elsewhere.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
                        {
                            Effect = Effect.DENY,
                            Principals = new IPrincipal[] { new AnyPrincipal() },
                            Actions = new[] { "sqs:*" },
                            Resources = new[] { other.QueueArn },
                            Conditions = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } },
                        }));
            """));
    }
}
