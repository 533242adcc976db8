using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Xunit;
using VerifyCS = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.SuppressionWithoutReasonAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace CdkLint.Tests.Rules
{
    public class SuppressionWithoutReasonTests
    {
        [Theory, CdkVersions]
        public Task Suppressions_without_a_reason(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack(
                """
                {|CDK9001:#pragma warning disable CDK1001|}
                            new Bucket(this, "A", new BucketProps { BucketName = "a" });
                #pragma warning restore CDK1001
                {|CDK9001:#pragma warning disable CS0618, CDK1002 //|}
                            new Bucket(this, "B");
                #pragma warning restore CS0618, CDK1002
                """,
                """
                        [{|CDK9001:System.Diagnostics.CodeAnalysis.SuppressMessage("CdkLint.Deployment", "CDK1002:Stateful resource deleted with its stack")|}]
                        private void Scratch() { }

                        [{|CDK9001:System.Diagnostics.CodeAnalysis.SuppressMessage("CdkLint.Security", "CDK2001", Justification = " ")|}]
                        private void Open() { }
                """));

        [Theory, CdkVersions]
        public Task Suppressions_with_a_reason_and_other_tools_suppressions_are_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack(
                """
                #pragma warning disable CDK1001 // the name is registered with a partner
                            new Bucket(this, "A", new BucketProps { BucketName = "a" });
                #pragma warning restore CDK1001
                #pragma warning disable CDK1002 // scratch bucket, emptied by the load tests
                            new Bucket(this, "B");
                #pragma warning restore CDK1002
                #pragma warning disable CS0618
                #pragma warning restore CS0618
                """,
                """
                        [System.Diagnostics.CodeAnalysis.SuppressMessage("CdkLint.Deployment", "CDK1002:Stateful resource deleted with its stack", Justification = "scratch logs")]
                        private void Scratch() { }

                        [System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE0051")]
                        private void Unused() { }
                """));
    }
}
