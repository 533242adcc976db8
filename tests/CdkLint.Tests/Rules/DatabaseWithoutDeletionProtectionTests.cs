using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Xunit;
using VerifyCS = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.DatabaseWithoutDeletionProtectionAnalyzer, CdkLint.CodeFixes.Rules.DatabaseWithoutDeletionProtectionFixer>;

namespace CdkLint.Tests.Rules
{
    public class DatabaseWithoutDeletionProtectionTests
    {
        private const string Usings = "using Amazon.CDK.AWS.EC2;\nusing Amazon.CDK.AWS.RDS;\n";

        [Theory, CdkVersions]
        public Task Databases_left_unprotected_are_fixed(CdkVersion version) => VerifyCS.Fix(version,
            Code.StackWith(Usings, """
                        var vpc = new Vpc(this, "Vpc");
                        {|CDK1006:new DatabaseInstance(this, "Orders", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc })|};
                        var clusterProps = new DatabaseClusterProps { Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = vpc, Writer = ClusterInstance.Provisioned("Writer") };
                        clusterProps.RemovalPolicy = RemovalPolicy.SNAPSHOT;
                        {|CDK1006:new DatabaseCluster(this, "Catalog", clusterProps)|};
                        new DatabaseInstance(this, "Reports", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, DeletionProtection = {|CDK1006:false|} });
            """),
            Code.StackWith(Usings, """
                        var vpc = new Vpc(this, "Vpc");
                        new DatabaseInstance(this, "Orders", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, DeletionProtection = true });
                        var clusterProps = new DatabaseClusterProps { Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = vpc, Writer = ClusterInstance.Provisioned("Writer"), DeletionProtection = true };
                        clusterProps.RemovalPolicy = RemovalPolicy.SNAPSHOT;
                        new DatabaseCluster(this, "Catalog", clusterProps);
                        new DatabaseInstance(this, "Reports", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, DeletionProtection = true });
            """));

        [Theory, CdkVersions]
        public Task Props_from_a_helper_and_retain_applied_after_creation(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith(Usings, """
                        var vpc = new Vpc(this, "Vpc");
                        foreach (var name in new[] { "A", "B" })
                        {
                            var db = {|CDK1006:new DatabaseInstance(this, name, Props(vpc))|};
                            // Applied after creation: CDK already decided on deletion protection from the props.
                            db.ApplyRemovalPolicy(RemovalPolicy.RETAIN);
                        }
            """, """
                    private static DatabaseInstanceProps Props(IVpc vpc) => new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc };
            """));

        [Theory, CdkVersions]
        public Task Retained_destroyed_protected_and_runtime_decisions_are_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith(Usings, """
                        var vpc = new Vpc(this, "Vpc");
                        var isProd = (string)Node.TryGetContext("stage") == "prod";
                        new DatabaseInstance(this, "Kept", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, RemovalPolicy = RemovalPolicy.RETAIN });
                        new DatabaseInstance(this, "Scratch", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, RemovalPolicy = RemovalPolicy.DESTROY });
                        new DatabaseInstance(this, "Protected", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, DeletionProtection = true });
                        new DatabaseInstance(this, "PerStage", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, DeletionProtection = isProd });
                        new DatabaseCluster(this, "Chosen", new DatabaseClusterProps { Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = vpc, Writer = ClusterInstance.Provisioned("W"), RemovalPolicy = isProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY });
                        DatabaseInstance.FromDatabaseInstanceAttributes(this, "Imported", new DatabaseInstanceAttributes { InstanceIdentifier = "db", InstanceEndpointAddress = "db.example.internal", Port = 5432, SecurityGroups = new ISecurityGroup[0] });
                        Configure(new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc });
            """, """
                    private void Configure(DatabaseInstanceProps props) => new DatabaseInstance(this, "Elsewhere", props);
            """));
    }
}
