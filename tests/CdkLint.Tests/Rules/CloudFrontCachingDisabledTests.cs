using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Xunit;
using VerifyCS = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.CloudFrontCachingDisabledAnalyzer, CdkLint.CodeFixes.Rules.CloudFrontCachingDisabledFixer>;

namespace CdkLint.Tests.Rules
{
    public class CloudFrontCachingDisabledTests
    {
        private const string Key = "CDK3001.CachingOptimized";

        /// <summary>A stack with the CloudFront usings, a bucket `site` and an S3 origin `origin` (S3Origin exists in every version).</summary>
        private static string Stack(string body, string members = "") => Code.Usings + "using Amazon.CDK.AWS.CloudFront;\nusing Amazon.CDK.AWS.CloudFront.Origins;\nusing Distribution = Amazon.CDK.AWS.CloudFront.Distribution;\n" + $$"""
            namespace App
            {
                public class SiteStack : Stack
                {
                    public SiteStack(Construct scope, string id) : base(scope, id)
                    {
                        var site = new Bucket(this, "Site");
                        var origin = new S3Origin(site);
            {{body}}
                    }
            {{members}}
                }
            }

            """;

        [Theory, CdkVersions]
        public Task Caching_disabled_on_S3_behaviours_becomes_caching_optimized_with_fix_all(CdkVersion version) => VerifyCS.Fix(version,
            Stack("""
                        var dist = new Distribution(this, "Cdn", new DistributionProps
                        {
                            DefaultBehavior = new BehaviorOptions { Origin = origin, CachePolicy = {|CDK3001:CachePolicy.CACHING_DISABLED|} },
                            AdditionalBehaviors = new Dictionary<string, IBehaviorOptions>
                            {
                                ["/assets/*"] = new BehaviorOptions { Origin = origin, CachePolicy = {|CDK3001:CachePolicy.CACHING_DISABLED|} },
                            },
                        });
                        dist.AddBehavior("/img/*", origin, new AddBehaviorOptions { CachePolicy = {|CDK3001:Amazon.CDK.AWS.CloudFront.CachePolicy.CACHING_DISABLED|} });
            """),
            Stack("""
                        var dist = new Distribution(this, "Cdn", new DistributionProps
                        {
                            DefaultBehavior = new BehaviorOptions { Origin = origin, CachePolicy = CachePolicy.CACHING_OPTIMIZED },
                            AdditionalBehaviors = new Dictionary<string, IBehaviorOptions>
                            {
                                ["/assets/*"] = new BehaviorOptions { Origin = origin, CachePolicy = CachePolicy.CACHING_OPTIMIZED },
                            },
                        });
                        dist.AddBehavior("/img/*", origin, new AddBehaviorOptions { CachePolicy = Amazon.CDK.AWS.CloudFront.CachePolicy.CACHING_OPTIMIZED });
            """),
            Key);

        [Theory, CdkVersions]
        public Task Options_in_a_local_or_a_helper_and_origin_groups_of_S3_are_read(CdkVersion version) => VerifyCS.Diagnostics(version,
            Stack(
                """
                            var behavior = new BehaviorOptions { Origin = origin };
                            behavior.CachePolicy = {|CDK3001:CachePolicy.CACHING_DISABLED|};
                            new Distribution(this, "A", new DistributionProps { DefaultBehavior = behavior });
                            new Distribution(this, "B", new DistributionProps { DefaultBehavior = Behavior(new S3Origin(site)) });
                            var group = new OriginGroup(new OriginGroupProps { PrimaryOrigin = origin, FallbackOrigin = new S3Origin(new Bucket(this, "Replica")) });
                            new Distribution(this, "C", new DistributionProps { DefaultBehavior = new BehaviorOptions { Origin = group, CachePolicy = {|CDK3001:CachePolicy.CACHING_DISABLED|} } });
                """,
                """
                        private static BehaviorOptions Behavior(IOrigin origin) => new BehaviorOptions { Origin = origin, CachePolicy = {|CDK3001:CachePolicy.CACHING_DISABLED|} };
                """));

        [Theory, CdkVersions]
        public Task Newer_S3_origins_are_recognised(CdkVersion version) => version == CdkVersion.V2_103
            ? Task.CompletedTask // S3BucketOrigin and S3StaticWebsiteOrigin arrived after 2.103
            : VerifyCS.Diagnostics(version, Stack("""
                        new Distribution(this, "A", new DistributionProps { DefaultBehavior = new BehaviorOptions { Origin = S3BucketOrigin.WithOriginAccessControl(site), CachePolicy = {|CDK3001:CachePolicy.CACHING_DISABLED|} } });
                        new Distribution(this, "B", new DistributionProps { DefaultBehavior = new BehaviorOptions { Origin = new S3StaticWebsiteOrigin(site), CachePolicy = {|CDK3001:CachePolicy.CACHING_DISABLED|} } });
            """));

        [Theory, CdkVersions]
        public Task Html_paths_dynamic_origins_and_unset_policies_are_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Stack("""
                        var api = new HttpOrigin("api.example.org");
                        var dist = new Distribution(this, "Cdn", new DistributionProps
                        {
                            DefaultBehavior = new BehaviorOptions { Origin = origin, Compress = false },
                            AdditionalBehaviors = new Dictionary<string, IBehaviorOptions>
                            {
                                ["/api/*"] = new BehaviorOptions { Origin = api, CachePolicy = CachePolicy.CACHING_DISABLED },
                                ["*.html"] = new BehaviorOptions { Origin = origin, CachePolicy = CachePolicy.CACHING_DISABLED },
                            },
                        });
                        dist.AddBehavior("/index.html", origin, new AddBehaviorOptions { CachePolicy = CachePolicy.CACHING_DISABLED });
                        dist.AddBehavior("/v2/*", api, new AddBehaviorOptions { CachePolicy = CachePolicy.CACHING_DISABLED });
                        var mixed = new OriginGroup(new OriginGroupProps { PrimaryOrigin = origin, FallbackOrigin = api });
                        new Distribution(this, "Mixed", new DistributionProps { DefaultBehavior = new BehaviorOptions { Origin = mixed, CachePolicy = CachePolicy.CACHING_DISABLED } });
                        new Distribution(this, "Optimized", new DistributionProps { DefaultBehavior = new BehaviorOptions { Origin = origin, CachePolicy = CachePolicy.CACHING_OPTIMIZED } });
            """));

        [Theory, CdkVersions]
        public Task Custom_policies_that_defeat_caching_are_reported_inside_their_props_without_a_fix(CdkVersion version)
        {
            var source = Stack("""
                        var noCache = new CachePolicy(this, "NoCache", new CachePolicyProps { MaxTtl = {|CDK3001:Duration.Seconds(0)|}, DefaultTtl = Duration.Seconds(0) });
                        var policyProps = new CachePolicyProps { QueryStringBehavior = CacheQueryStringBehavior.All() };
                        policyProps.CookieBehavior = {|CDK3001:CacheCookieBehavior.All()|};
                        var byCookie = new CachePolicy(this, "ByCookie", policyProps);
                        new Distribution(this, "A", new DistributionProps { DefaultBehavior = new BehaviorOptions { Origin = origin, CachePolicy = noCache } });
                        new Distribution(this, "B", new DistributionProps { DefaultBehavior = new BehaviorOptions { Origin = origin, CachePolicy = byCookie } });
            """);
            return VerifyCS.Fix(version, source, source);
        }

        [Theory, CdkVersions]
        public Task Custom_policies_that_still_cache_or_serve_dynamic_origins_are_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Stack("""
                        // CDK raises MaxTtl to DefaultTtl (one day unless set), so this policy still caches.
                        var maxOnly = new CachePolicy(this, "MaxOnly", new CachePolicyProps { MaxTtl = Duration.Seconds(0) });
                        var positive = new CachePolicy(this, "Positive", new CachePolicyProps { MaxTtl = Duration.Days(1), QueryStringBehavior = CacheQueryStringBehavior.AllowList("v") });
                        var dynamicOnly = new CachePolicy(this, "Dynamic", new CachePolicyProps { MaxTtl = Duration.Seconds(0), DefaultTtl = Duration.Seconds(0), CookieBehavior = CacheCookieBehavior.All() });
                        var unused = new CachePolicy(this, "Unused", new CachePolicyProps { CookieBehavior = CacheCookieBehavior.All() });
                        new Distribution(this, "A", new DistributionProps { DefaultBehavior = new BehaviorOptions { Origin = origin, CachePolicy = maxOnly } });
                        new Distribution(this, "B", new DistributionProps { DefaultBehavior = new BehaviorOptions { Origin = origin, CachePolicy = positive } });
                        new Distribution(this, "C", new DistributionProps { DefaultBehavior = new BehaviorOptions { Origin = new HttpOrigin("api.example.org"), CachePolicy = dynamicOnly } });
            """));
    }
}
