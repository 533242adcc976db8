using System.Linq;
using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace CdkLint.Tests.Rules
{
    /// <summary>
    /// CDKN_IAM5: the wildcards CDK writes for a Grant* call, read from the generated table (eng/grant-table), on the
    /// three CDK versions.
    /// </summary>
    public class PackGrantWildcardsTests
    {
        private const string Usings = "using Amazon.CDK.AWS.S3;\nusing Amazon.CDK.AWS.DynamoDB;\nusing Amazon.CDK.AWS.SQS;\nusing Amazon.CDK.AWS.IAM;\nusing Amazon.CDK.AWS.Lambda;\n";

        private const string Fn = """
                        var fn = new Function(this, "Worker", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("exports.handler = async () => {};") });
                        var role = new Role(this, "Task", new RoleProps { AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com") });
            """;

        [Theory, CdkVersions]
        public Task Grants_that_write_wildcards_are_reported_on_the_call(CdkVersion version) => Verify<CdkLint.Rules.GrantWildcardsAnalyzer, EmptyCodeFixProvider>.Diagnostics(version,
            Code.StackWith(Usings, Fn + """
                        var uploads = new Bucket(this, "Uploads");
                        {|CDKN_IAM5:uploads.GrantRead(fn)|};
                        {|CDKN_IAM5:uploads.GrantReadWrite(role)|};
                        var table = new Table(this, "Orders", new TableProps { PartitionKey = new Attribute { Name = "pk", Type = AttributeType.STRING } });
                        {|CDKN_IAM5:table.GrantFullAccess(fn)|};
                        {|CDKN_IAM5:fn.GrantInvoke(role)|};
                        IBucket imported = Bucket.FromBucketName(this, "Shared", "shared-bucket");
                        {|CDKN_IAM5:imported.GrantRead(fn.Role!)|};
                        var project = new Amazon.CDK.AWS.CodeBuild.PipelineProject(this, "Build");
                        {|CDKN_IAM5:uploads.GrantRead(project)|};
                        foreach (var name in new[] { "a", "b" })
                        {
                            var bucket = new Bucket(this, "Loop" + name);
                            {|CDKN_IAM5:bucket.GrantDelete(role)|};
                        }
            """), PackRelationRulesTests.PackOn);

        [Theory, CdkVersions]
        public Task Grants_without_wildcards_or_to_principals_are_quiet(CdkVersion version) => Verify<CdkLint.Rules.GrantWildcardsAnalyzer, EmptyCodeFixProvider>.Diagnostics(version,
            Code.StackWith(Usings, Fn + """
                        var table = new Table(this, "Orders", new TableProps { PartitionKey = new Attribute { Name = "pk", Type = AttributeType.STRING } });
                        table.GrantReadWriteData(fn);
                        table.GrantReadData(role);
                        var queue = new Queue(this, "Jobs");
                        queue.GrantSendMessages(fn);
                        queue.GrantConsumeMessages(role);
                        var uploads = new Bucket(this, "Uploads");
                        uploads.GrantRead(new ServicePrincipal("logging.s3.amazonaws.com"));
                        uploads.GrantPutAcl(fn, "reports/latest.csv");
                        var identity = new Amazon.CDK.AWS.CloudFront.OriginAccessIdentity(this, "Cdn");
                        uploads.GrantRead(identity);
                        table.Grant(role, "dynamodb:GetItem");
                        Share(uploads, fn);
                    }

                    private static void Share(IBucket bucket, IGrantable grantee)
                    {
                        bucket.GrantRead(grantee);
            """), PackRelationRulesTests.PackOn);

        [Theory, CdkVersions]
        public Task A_key_pattern_keeps_the_action_wildcards_only(CdkVersion version) => Verify<CdkLint.Rules.GrantWildcardsAnalyzer, EmptyCodeFixProvider>.Diagnostics(version,
            Code.StackWith(Usings, Fn + """
                        var uploads = new Bucket(this, "Uploads");
                        {|CDKN_IAM5:uploads.GrantPut(fn, "incoming/report.csv")|};
                        Give(uploads, role);
                    }

                    private static void Give(Bucket bucket, IRole grantee)
                    {
                        {|CDKN_IAM5:bucket.GrantWrite(grantee)|};
            """), PackRelationRulesTests.PackOn);

        [Fact]
        public async Task The_message_names_each_wildcard_cdk_nag_reports()
        {
            var source = Code.StackWith(Usings, """
                        var uploads = new Bucket(this, "Uploads");
                        var role = new Role(this, "Task", new RoleProps { AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com") });
                        uploads.GrantRead(role);
                        uploads.GrantPut(role, "incoming/report.csv");
            """);
            var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source, path: "/app/Stack.cs");
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Message", new[] { tree }, CdkReferences.For(CdkVersion.V2_160), new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
            var (diagnostics, exceptions) = await Catalogue.RunAll(compilation);
            Assert.Empty(exceptions);
            var messages = diagnostics.Where(d => d.Id == "CDKN_IAM5").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(
                new[]
                {
                    "GrantRead on this Bucket writes the wildcard actions s3:GetBucket*, s3:GetObject*, s3:List* and the wildcard resource <arn>/* into the grantee's policy (4 IAM5 findings) (AwsSolutions-IAM5)",
                    "GrantPut on this Bucket writes the wildcard action s3:Abort* into the grantee's policy (1 IAM5 finding) (AwsSolutions-IAM5)",
                },
                messages);
        }

        [Fact]
        public void The_table_follows_the_cdk_version()
        {
            Assert.Equal(new[] { "Resource::<arn>:*" }, CdkLint.Pack.GrantWildcards.For(new System.Version(2, 160, 0))["Amazon.CDK.AWS.Lambda.Function.GrantInvoke"]);
            Assert.Same(CdkLint.Pack.GrantWildcards.For(new System.Version(2, 103, 0)), CdkLint.Pack.GrantWildcards.For(new System.Version(2, 50, 0)));
            Assert.Same(CdkLint.Pack.GrantWildcards.For(new System.Version(2, 276, 0)), CdkLint.Pack.GrantWildcards.For(new System.Version(2, 277, 0)));
            Assert.Same(CdkLint.Pack.GrantWildcards.For(new System.Version(2, 160, 0)), CdkLint.Pack.GrantWildcards.For(new System.Version(2, 200, 0)));
            Assert.Empty(CdkLint.Pack.GrantWildcards.For(new System.Version(2, 276, 0))["Amazon.CDK.AWS.SQS.Queue.GrantSendMessages"]);
        }
    }
}
