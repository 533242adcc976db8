using System.Threading.Tasks;
using CdkLint.CodeFixes.Rules;
using CdkLint.Rules;
using CdkLint.Tests.Infrastructure;
using Xunit;
using PublicAccess = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.BucketPublicAccessNotBlockedAnalyzer, CdkLint.CodeFixes.Rules.BucketPublicAccessNotBlockedFixer>;
using Tls = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.BucketAllowsNonTlsAnalyzer, CdkLint.CodeFixes.Rules.BucketAllowsNonTlsFixer>;

namespace CdkLint.Tests.Rules
{
    /// <summary>CDK2001 (public access) and CDK2002 (TLS) on S3 buckets.</summary>
    public class BucketSecurityTests
    {
        [Theory, CdkVersions]
        public Task Unset_block_public_access_is_added_in_every_props_shape(CdkVersion version) => PublicAccess.Fix(version,
            Code.Stack(
                """
                            {|CDK2001:new Bucket(this, "NoProps")|};
                            {|CDK2001:new Bucket(this, "Inline", new BucketProps { Versioned = true })|};
                            var local = new BucketProps();
                            local.Versioned = true;
                            {|CDK2001:new Bucket(this, "Local", local)|};
                            {|CDK2001:new Bucket(this, "Helper", Logs())|};
                """,
                """
                        private static BucketProps Logs() => new BucketProps
                        {
                            EnforceSSL = true,
                        };
                """),
            Code.Stack(
                """
                            new Bucket(this, "NoProps", new BucketProps { BlockPublicAccess = BlockPublicAccess.BLOCK_ALL });
                            new Bucket(this, "Inline", new BucketProps { Versioned = true, BlockPublicAccess = BlockPublicAccess.BLOCK_ALL });
                            var local = new BucketProps { BlockPublicAccess = BlockPublicAccess.BLOCK_ALL };
                            local.Versioned = true;
                            new Bucket(this, "Local", local);
                            new Bucket(this, "Helper", Logs());
                """,
                """
                        private static BucketProps Logs() => new BucketProps
                        {
                            EnforceSSL = true,
                            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
                        };
                """));

        [Theory, CdkVersions]
        public Task Weaker_settings_are_replaced(CdkVersion version) => PublicAccess.Fix(version,
            Code.Stack("""
                        new Bucket(this, "Acls", new BucketProps { BlockPublicAccess = {|CDK2001:BlockPublicAccess.BLOCK_ACLS|} });
                        new Bucket(this, "Custom", new BucketProps { BlockPublicAccess = {|CDK2001:new BlockPublicAccess(new BlockPublicAccessOptions { BlockPublicAcls = true, BlockPublicPolicy = false, IgnorePublicAcls = true, RestrictPublicBuckets = true })|} });
                        new Bucket(this, "Partial", new BucketProps { BlockPublicAccess = {|CDK2001:new BlockPublicAccess(new BlockPublicAccessOptions { BlockPublicAcls = true })|} });
            """),
            Code.Stack("""
                        new Bucket(this, "Acls", new BucketProps { BlockPublicAccess = BlockPublicAccess.BLOCK_ALL });
                        new Bucket(this, "Custom", new BucketProps { BlockPublicAccess = BlockPublicAccess.BLOCK_ALL });
                        new Bucket(this, "Partial", new BucketProps { BlockPublicAccess = BlockPublicAccess.BLOCK_ALL });
            """));

        [Theory, CdkVersions]
        public async Task Deliberately_public_buckets_get_no_fix(CdkVersion version)
        {
            var source = Code.Stack("""
                        new Bucket(this, "Site", new BucketProps { PublicReadAccess = {|CDK2001:true|}, BlockPublicAccess = {|CDK2001:BlockPublicAccess.BLOCK_ACLS|}, WebsiteIndexDocument = "index.html" });
                        var shared = {|CDK2001:new Bucket(this, "Shared")|};
                        shared.GrantPublicAccess("public/*");
                        var open = {|CDK2001:new Bucket(this, "Open", new BucketProps { EnforceSSL = true })|};
                        open.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps { Actions = new[] { "s3:GetObject" }, Resources = new[] { open.ArnForObjects("*") }, Principals = new IPrincipal[] { new AnyPrincipal() } }));
            """);
            await PublicAccess.Fix(version, source, source);
        }

        [Theory, CdkVersions]
        public Task Block_all_and_explicit_all_true_options_are_quiet(CdkVersion version) => PublicAccess.Diagnostics(version,
            Code.Stack("""
                        new Bucket(this, "A", new BucketProps { BlockPublicAccess = BlockPublicAccess.BLOCK_ALL });
                        new Bucket(this, "B", new BucketProps { BlockPublicAccess = new BlockPublicAccess(new BlockPublicAccessOptions { BlockPublicAcls = true, BlockPublicPolicy = true, IgnorePublicAcls = true, RestrictPublicBuckets = true }) });
                        new Bucket(this, "C", new BucketProps { BlockPublicAccess = policy });
                        new Bucket(this, "D", shared);
            """, parameters: ", BlockPublicAccess policy, BucketProps shared"));

        [Theory, CdkVersions]
        public Task Unset_is_quiet_when_the_team_does_not_require_it_explicitly(CdkVersion version) => PublicAccess.Diagnostics(version,
            Code.Stack("""
                        new Bucket(this, "A");
                        new Bucket(this, "B", new BucketProps { BlockPublicAccess = {|CDK2001:BlockPublicAccess.BLOCK_ACLS|} });
            """),
            "cdklint.CDK2001.require_explicit = false");

        [Theory]
        [InlineData(CdkVersion.V2_277, false)]
        [InlineData(CdkVersion.V2_160, true)]
        public Task The_blocked_by_default_flag_makes_unset_options_true_where_cdk_has_it(CdkVersion version, bool reported)
        {
            var value = "new BlockPublicAccess(new BlockPublicAccessOptions { BlockPublicAcls = true })";
            var test = new CdkTest<BucketPublicAccessNotBlockedAnalyzer, BucketPublicAccessNotBlockedFixer>(version)
            {
                TestCode = Code.Stack($$"""
                        new Bucket(this, "Partial", new BucketProps { BlockPublicAccess = {{(reported ? "{|CDK2001:" + value + "|}" : value)}} });
            """),
            };
            test.WithCdkJson("""{ "context": { "@aws-cdk/aws-s3:publicAccessBlockedByDefault": true } }""");
            return test.RunAsync();
        }

        [Theory, CdkVersions]
        public Task The_message_names_every_option_that_is_off(CdkVersion version) => PublicAccess.Diagnostics(version,
            Code.Stack("""
                        var open = new BlockPublicAccessOptions { BlockPublicAcls = false, BlockPublicPolicy = false, IgnorePublicAcls = false, RestrictPublicBuckets = false };
                        new Bucket(this, "Open", new BucketProps { BlockPublicAccess = {|#0:new BlockPublicAccess(open)|} });
                        new Bucket(this, "Policies", new BucketProps { BlockPublicAccess = {|#1:new BlockPublicAccess(new BlockPublicAccessOptions { BlockPublicAcls = true, BlockPublicPolicy = false, IgnorePublicAcls = true, RestrictPublicBuckets = false })|} });
            """),
            null,
            ExpectPublicAccess(0, "leaves BlockPublicAcls, BlockPublicPolicy, IgnorePublicAcls and RestrictPublicBuckets off"),
            ExpectPublicAccess(1, "leaves BlockPublicPolicy and RestrictPublicBuckets off"));

        [Theory, CdkVersions]
        public Task The_message_names_unset_options_and_says_how_they_count(CdkVersion version)
        {
            // 2.160 and older do not know the flag that makes unset options true; newer versions say it exists.
            var unsetMeans = version == CdkVersion.V2_277
                ? "(unset means off unless cdk.json sets @aws-cdk/aws-s3:publicAccessBlockedByDefault)"
                : "(unset means off)";
            return PublicAccess.Diagnostics(version,
                Code.Stack("""
                            var partial = new BlockPublicAccessOptions { BlockPublicAcls = true, IgnorePublicAcls = false };
                            new Bucket(this, "Partial", new BucketProps { BlockPublicAccess = {|#0:new BlockPublicAccess(partial)|} });
                            new Bucket(this, "AclsOnly", new BucketProps { BlockPublicAccess = {|#1:new BlockPublicAccess(new BlockPublicAccessOptions { BlockPublicAcls = true, IgnorePublicAcls = true })|} });
                """),
                null,
                ExpectPublicAccess(0, "leaves IgnorePublicAcls off and BlockPublicPolicy and RestrictPublicBuckets unset " + unsetMeans),
                ExpectPublicAccess(1, "leaves BlockPublicPolicy and RestrictPublicBuckets unset " + unsetMeans));
        }

        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult ExpectPublicAccess(int location, string problem)
            => new Microsoft.CodeAnalysis.Testing.DiagnosticResult("CDK2001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .WithLocation(location).WithArguments("This bucket", problem, "set BlockPublicAccess = BlockPublicAccess.BLOCK_ALL");

        [Theory, CdkVersions]
        public Task Missing_enforce_ssl_is_added(CdkVersion version) => Tls.Fix(version,
            Code.Stack("""
                        {|CDK2002:new Bucket(this, "Images", new BucketProps
                        {
                            Versioned = true,
                        })|};
                        {|CDK2002:new Bucket(this, "Logs")|};
            """),
            Code.Stack("""
                        new Bucket(this, "Images", new BucketProps
                        {
                            Versioned = true,
                            EnforceSSL = true,
                        });
                        new Bucket(this, "Logs", new BucketProps { EnforceSSL = true });
            """));

        [Theory, CdkVersions]
        public Task Website_buckets_and_decisions_are_quiet_for_tls(CdkVersion version) => Tls.Diagnostics(version,
            Code.Stack("""
                        new Bucket(this, "Site", new BucketProps { WebsiteIndexDocument = "index.html" });
                        new Bucket(this, "Redirect", new BucketProps { WebsiteRedirect = new RedirectTarget { HostName = "example.org" } });
                        new Bucket(this, "Enforced", new BucketProps { EnforceSSL = true });
                        new Bucket(this, "Decided", new BucketProps { EnforceSSL = false });
                        new Bucket(this, "Shared", shared);
                        new CfnBucket(this, "L1");
            """, parameters: ", BucketProps shared"));

        private const string TlsDenyProps = """
                            Effect = Effect.DENY,
                            Principals = [new AnyPrincipal()],
                            Actions = ["s3:*"],
                            Resources = [bucket.BucketArn, bucket.ArnForObjects("*")],
                            Conditions = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } },
            """;

        [Theory, CdkVersions]
        public Task A_bucket_whose_own_policy_denies_plain_http_is_quiet(CdkVersion version) => Tls.Diagnostics(version,
            Code.Stack($$"""
                        var bucket = new Bucket(this, "Exports", new BucketProps { BlockPublicAccess = BlockPublicAccess.BLOCK_ALL });
                        bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
                        {
            {{TlsDenyProps}}
                        }));
                        var archive = new Bucket(this, "Archive");
                        var tlsOnly = new PolicyStatement(new PolicyStatementProps
                        {
                            Effect = Effect.DENY,
                            Principals = new IPrincipal[] { new StarPrincipal() },
                            Actions = new[] { "*" },
                            Resources = new[] { archive.BucketArn, $"{archive.BucketArn}/*" },
                            Conditions = new Dictionary<string, object> { { "Bool", new Dictionary<string, object> { { "aws:SecureTransport", "false" } } } },
                        });
                        archive.AddToResourcePolicy(tlsOnly);
                        var media = new Bucket(this, "Media");
                        var policy = new BucketPolicy(this, "MediaPolicy", new BucketPolicyProps { Bucket = media });
                        policy.Document.AddStatements(new PolicyStatement(new PolicyStatementProps
                        {
                            Effect = Effect.DENY,
                            Principals = [new AnyPrincipal()],
                            Actions = ["s3:*"],
                            Resources = [media.BucketArn, media.ArnForObjects("*")],
                            Conditions = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } },
                        }));
            """));

        [Theory, CdkVersions]
        public Task A_policy_that_does_not_deny_every_plain_http_request_still_counts(CdkVersion version) => Tls.Diagnostics(version,
            Code.Stack($$"""
                        // An Allow with the condition, a Deny on one action only, a Deny on the objects only, a Deny for
                        // one account: none of them stops every plain-HTTP request to the bucket.
                        var a = {|CDK2002:new Bucket(this, "A")|};
                        a.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps { Principals = [new AnyPrincipal()], Actions = ["s3:*"], Resources = [a.BucketArn, a.ArnForObjects("*")],
                            Conditions = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } } }));
                        var b = {|CDK2002:new Bucket(this, "B")|};
                        b.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps { Effect = Effect.DENY, Principals = [new AnyPrincipal()], Actions = ["s3:GetObject"], Resources = [b.BucketArn, b.ArnForObjects("*")],
                            Conditions = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } } }));
                        var c = {|CDK2002:new Bucket(this, "C")|};
                        c.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps { Effect = Effect.DENY, Principals = [new AnyPrincipal()], Actions = ["s3:*"], Resources = [c.ArnForObjects("*")],
                            Conditions = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } } }));
                        var d = {|CDK2002:new Bucket(this, "D")|};
                        d.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps { Effect = Effect.DENY, Principals = [new AccountPrincipal("123456789012")], Actions = ["s3:*"], Resources = [d.BucketArn, d.ArnForObjects("*")],
                            Conditions = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } } }));
            """));
    }
}
