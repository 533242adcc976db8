using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Xunit;
using VerifyCS = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.WildcardIamPermissionAnalyzer, CdkLint.CodeFixes.Rules.WildcardIamPermissionFixer>;

namespace CdkLint.Tests.Rules
{
    public class WildcardIamPermissionTests
    {
        private const string Key = """PartitionKey = new Attribute { Name = "id", Type = AttributeType.STRING }""";
        private const string Handler = """Runtime = Runtime.PYTHON_3_11, Handler = "index.handler", Code = Code.FromAsset("src")""";

        [Theory, CdkVersions]
        public Task Service_wildcard_on_the_only_table_becomes_its_read_write_grant(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack($$"""
                        var table = new Table(this, "Products", new TableProps { {{Key}} });
                        var fn = new Function(this, "Get", new FunctionProps { {{Handler}} });
                        fn.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
                        {
                            Actions = new[] { {|CDK2003:"dynamodb:*"|} },
                            Resources = new[] { {|CDK2003:"*"|} },
                        }));
            """),
            Code.Stack($$"""
                        var table = new Table(this, "Products", new TableProps { {{Key}} });
                        var fn = new Function(this, "Get", new FunctionProps { {{Handler}} });
                        table.GrantReadWriteData(fn);
            """));

        [Theory, CdkVersions]
        public Task Explicit_actions_on_a_bucket_get_the_narrowest_covering_grant(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack($$"""
                        var bucket = new Bucket(this, "Images");
                        var fn = new Function(this, "Thumbs", new FunctionProps { {{Handler}} });
                        fn.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
                        {
                            Actions = new[] { {|CDK2003:"*"|} },
                            Resources = new[] { bucket.BucketArn },
                        }));
                        fn.Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
                        {
                            Actions = new[] { "s3:GetObject", "s3:GetObjectVersion" },
                            Resources = new[] { {|CDK2003:"*"|} },
                        }));
            """),
            Code.Stack($$"""
                        var bucket = new Bucket(this, "Images");
                        var fn = new Function(this, "Thumbs", new FunctionProps { {{Handler}} });
                        fn.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
                        {
                            Actions = new[] { {|CDK2003:"*"|} },
                            Resources = new[] { bucket.BucketArn },
                        }));
                        bucket.GrantRead(fn.Role);
            """));

        [Theory, CdkVersions]
        public Task Identity_sinks_through_locals_policies_and_documents(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack("""
                        var statement = new PolicyStatement();
                        statement.AddActions({|CDK2003:"sqs:*"|});
                        {|CDK2003:statement.AddAllResources()|};
                        role.AddToPolicy(statement);
                        new Amazon.CDK.AWS.IAM.Policy(this, "P", new PolicyProps { Statements = new[] { new PolicyStatement(new PolicyStatementProps { Actions = new[] { {|CDK2003:"*"|} }, Resources = new[] { "arn:aws:s3:::b" } }) } });
                        var document = new PolicyDocument(new PolicyDocumentProps { Statements = new[] { new PolicyStatement(new PolicyStatementProps { NotActions = {|CDK2003:new[] { "iam:*" }|}, Resources = new[] { {|CDK2003:"*"|} } }) } });
                        new Role(this, "R", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com"), InlinePolicies = new Dictionary<string, PolicyDocument> { ["inline"] = document } });
                        ManagedPolicy.FromAwsManagedPolicyName({|CDK2003:"AdministratorAccess"|});
                        ManagedPolicy.FromAwsManagedPolicyName({|CDK2003:"AmazonS3FullAccess"|});
            """, parameters: ", Role role"));

        [Theory, CdkVersions]
        public Task Quiet_cases(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack($$"""
                        var bucket = new Bucket(this, "B", new BucketProps { EnforceSSL = true });
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Effect = Effect.DENY, Actions = new[] { "s3:*" }, Resources = new[] { "*" } }));
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = new[] { "xray:PutTraceSegments", "xray:PutTelemetryRecords" }, Resources = new[] { "*" } }));
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = new[] { "ec2:DescribeInstances" }, Resources = new[] { "*" } }));
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = new[] { "s3:Get*" }, Resources = new[] { bucket.ArnForObjects("*") } }));
                        bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps { Actions = new[] { "s3:GetObject" }, Resources = new[] { "*" }, Principals = new IPrincipal[] { new AccountRootPrincipal() } }));
                        bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
                        {
                            Actions = new[] { "s3:GetObject" },
                            Resources = new[] { bucket.ArnForObjects("*") },
                            Principals = new IPrincipal[] { new AnyPrincipal() },
                            Conditions = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["aws:PrincipalOrgID"] = "o-abc123" } },
                        }));
                        var unknown = new PolicyStatement(new PolicyStatementProps { Actions = new[] { "*" }, Resources = new[] { "*" } });
                        Keep(unknown);
                        bucket.GrantReadWrite(role);
            """, "        private static void Keep(object o) { }", ", Role role"));

        [Theory, CdkVersions]
        public Task Public_principals_in_resource_policies(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack("""
                        var bucket = new Bucket(this, "B");
                        bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps { Actions = new[] { "s3:GetObject" }, Resources = new[] { bucket.ArnForObjects("*") }, Principals = new IPrincipal[] { {|CDK2003:new AnyPrincipal()|} } }));
                        topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
                        {
                            Actions = new[] { "sns:Publish" },
                            Resources = new[] { topic.TopicArn },
                            Principals = new IPrincipal[] { {|CDK2003:new ArnPrincipal("*")|} },
                            Conditions = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "true" } },
                        }));
            """, parameters: ", Topic topic"));

        [Theory, CdkVersions]
        public Task Strict_mode_flags_partial_wildcards(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack("""
                        var bucket = new Bucket(this, "B");
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = new[] { {|CDK2003:"s3:Get*"|} }, Resources = new[] { {|CDK2003:bucket.ArnForObjects("*")|} } }));
            """, parameters: ", Role role"),
            "cdklint.CDK2003.strict = true");

        [Theory, CdkVersions]
        public Task An_explicit_allow_is_judged_like_an_implicit_one(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack("""
                        var bucket = new Bucket(this, "Uploads");
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Effect = Effect.ALLOW, Actions = new[] { "iam:PassRole" }, Resources = new[] { {|CDK2003:"*"|} } }));
                        var allow = Effect.ALLOW;
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Effect = allow, Actions = new[] { {|CDK2003:"bedrock:*"|} }, Resources = new[] { "arn:aws:bedrock:eu-west-1::foundation-model/x" } }));
                        bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
                        {
                            Effect = Effect.ALLOW,
                            Actions = new[] { "s3:PutObject" },
                            Resources = new[] { bucket.ArnForObjects("*") },
                            Principals = new IPrincipal[] { {|CDK2003:new AnyPrincipal()|} },
                        }));
            """, parameters: ", Role role"));

        [Theory, CdkVersions]
        public Task A_deny_with_a_condition_beside_the_allow_narrows_it_whatever_effect_shape(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith("using Amazon.CDK.AWS.APIGateway;\n", """
                        var deny = Effect.DENY;
                        new RestApi(this, "Private", new RestApiProps
                        {
                            Policy = new PolicyDocument(new PolicyDocumentProps
                            {
                                Statements = new[]
                                {
                                    new PolicyStatement(new PolicyStatementProps { Effect = Effect.ALLOW, Actions = new[] { "execute-api:Invoke" }, Resources = new[] { "execute-api:/*" }, Principals = new IPrincipal[] { new AnyPrincipal() } }),
                                    new PolicyStatement(new PolicyStatementProps
                                    {
                                        Effect = deny,
                                        Actions = new[] { "execute-api:Invoke" },
                                        Resources = new[] { "execute-api:/*" },
                                        Principals = new IPrincipal[] { new AnyPrincipal() },
                                        Conditions = new Dictionary<string, object> { ["StringNotEquals"] = new Dictionary<string, object> { ["aws:SourceVpce"] = "vpce-0abc" } },
                                    }),
                                },
                            }),
                        });
            """));

        [Theory, CdkVersions]
        public Task Collection_expressions_are_read_in_every_list(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack("""
                        var bucket = new Bucket(this, "B");
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = ["logs:CreateLogGroup"], Resources = [{|CDK2003:"*"|}] }));
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = [{|CDK2003:"aoss:*"|}, .. ReadActions], Resources = [bucket.BucketArn] }));
                        new Amazon.CDK.AWS.IAM.Policy(this, "P", new PolicyProps { Statements = [new PolicyStatement(new PolicyStatementProps { Actions = [{|CDK2003:"*"|}], Resources = ["arn:aws:s3:::b"] })] });
                        bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps { Actions = ["s3:GetObject"], Resources = [bucket.ArnForObjects("*")], Principals = [{|CDK2003:new AnyPrincipal()|}] }));
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = ["xray:PutTraceSegments", .. TraceActions], Resources = ["*"] }));
                        var actions = new[] { {|CDK2003:"dynamodb:*"|} };
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = actions, Resources = [bucket.BucketArn] }));
            """, """
                    private static readonly string[] ReadActions = { "s3:GetObject" };
                    private static readonly string[] TraceActions = { "xray:PutTelemetryRecords" };
            """, ", Role role"));
    }
}
