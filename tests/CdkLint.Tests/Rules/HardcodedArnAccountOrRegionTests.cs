using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Xunit;
using VerifyCS = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.HardcodedArnAccountOrRegionAnalyzer, CdkLint.CodeFixes.Rules.HardcodedArnAccountOrRegionFixer>;

namespace CdkLint.Tests.Rules
{
    public class HardcodedArnAccountOrRegionTests
    {
        private static string App(string body, string env) => Code.Usings + $$"""
            namespace App
            {
                public class ShopStack : Stack
                {
                    public ShopStack(Construct scope, string id, IStackProps props = null) : base(scope, id, props)
                    {
            {{body}}
                    }
                }

                public static class Program
                {
                    public static void Main()
                    {
                        var app = new Amazon.CDK.App();
                        new ShopStack(app, "Shop"{{env}});
                    }
                }
            }
            """;

        private const string ProdEnv = """, new StackProps { Env = new Environment { Account = "123456789012", Region = "eu-west-1" } }""";

        [Theory, CdkVersions]
        public Task Account_and_region_of_the_stacks_own_env_become_pseudo_parameters(CdkVersion version) => VerifyCS.Fix(version,
            App("""
                        var topic = Topic.FromTopicArn(this, "Legacy", {|CDK1005:"arn:aws:sns:eu-west-1:123456789012:legacy-orders"|});
                        var other = Topic.FromTopicArn(this, "Other", {|CDK1005:"arn:aws:sns:us-west-2:123456789012:audit"|});
            """, ProdEnv),
            App("""
                        var topic = Topic.FromTopicArn(this, "Legacy", $"arn:aws:sns:{Aws.REGION}:{Aws.ACCOUNT_ID}:legacy-orders");
                        var other = Topic.FromTopicArn(this, "Other", $"arn:aws:sns:us-west-2:{Aws.ACCOUNT_ID}:audit");
            """, ProdEnv));

        [Theory, CdkVersions]
        public async Task No_fix_for_another_account_or_an_environment_agnostic_stack(CdkVersion version)
        {
            var crossAccount = App("""
                        Topic.FromTopicArn(this, "Partner", {|CDK1005:"arn:aws:sns:ap-south-1:210987654321:partner-events"|});
            """, ProdEnv);
            await VerifyCS.Fix(version, crossAccount, crossAccount);
            var agnostic = App("""
                        Topic.FromTopicArn(this, "Legacy", {|CDK1005:"arn:aws:sns:eu-west-1:123456789012:legacy-orders"|});
            """, string.Empty);
            await VerifyCS.Fix(version, agnostic, agnostic);
        }

        [Theory, CdkVersions]
        public Task Arns_that_must_be_literal_and_non_arns_are_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            App("""
                        LayerVersion.FromLayerVersionArn(this, "Insights", "arn:aws:lambda:eu-west-1:580247275435:layer:LambdaInsightsExtension:38");
                        var certificate = "arn:aws:acm:us-east-1:123456789012:certificate/0f2b4c36-1d5e-4a53-9b7a-3f1d2e6c8a90";
                        var managed = ManagedPolicy.FromManagedPolicyArn(this, "ReadOnly", "arn:aws:iam::aws:policy/ReadOnlyAccess");
                        var bucketArn = "arn:aws:s3:::shop-images";
                        var dynamic = $"arn:aws:sns:{Aws.REGION}:{Aws.ACCOUNT_ID}:orders";
                        var notAnArn = "123456789012";
            """, ProdEnv));
    }
}
