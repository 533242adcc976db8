using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.SecurityGroupOpenToInternetAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace CdkLint.Tests.Rules
{
    public class SecurityGroupOpenToInternetTests
    {
        private const string Usings = "using Amazon.CDK.AWS.EC2;\nusing Amazon.CDK.AWS.RDS;\nusing Efs = Amazon.CDK.AWS.EFS;\n";

        private static DiagnosticResult At(int location, string what, string peer)
            => new DiagnosticResult("CDK2008", DiagnosticSeverity.Warning).WithLocation(location).WithArguments(what, peer);

        [Theory, CdkVersions]
        public Task Sensitive_ports_open_to_the_internet_are_flagged_with_what_listens_there(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith(Usings, """
                        var vpc = new Vpc(this, "Vpc");
                        var sg = new SecurityGroup(this, "Bastion", new SecurityGroupProps { Vpc = vpc });
                        {|#0:sg.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(22), "ssh")|};
                        {|#1:sg.AddIngressRule(Peer.Ipv4("0.0.0.0/0"), Port.Tcp(3389))|};
                        var anywhere = Peer.AnyIpv6();
                        {|#2:sg.AddIngressRule(anywhere, Port.AllTraffic())|};
                        {|#3:sg.AddIngressRule(Peer.Ipv6("::/0"), Port.TcpRange(1000, 3000))|};
                        {|#4:sg.Connections.AllowFromAnyIpv4(Port.Tcp(6379))|};
                        {|#5:sg.Connections.AllowFrom(Peer.AnyIpv4(), Port.AllTcp())|};
            """),
            null,
            At(0, "port 22 (SSH)", "Peer.AnyIpv4()"),
            At(1, "port 3389 (RDP)", "Peer.Ipv4(\"0.0.0.0/0\")"),
            At(2, "all traffic", "Peer.AnyIpv6()"),
            At(3, "ports 1000-3000, which include 1433 (SQL Server)", "Peer.Ipv6(\"::/0\")"),
            At(4, "port 6379 (Redis)", "Peer.AnyIpv4()"),
            At(5, "every TCP port", "Peer.AnyIpv4()"));

        [Theory, CdkVersions]
        public Task Default_ports_of_databases_and_file_systems_are_judged_by_their_engine(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith(Usings, """
                        var vpc = new Vpc(this, "Vpc");
                        var db = new DatabaseInstance(this, "Orders", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc });
                        {|#0:db.Connections.AllowDefaultPortFromAnyIpv4()|};
                        var cluster = new DatabaseCluster(this, "Catalog", new DatabaseClusterProps { Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = vpc, Writer = ClusterInstance.Provisioned("Writer") });
                        {|#1:cluster.Connections.AllowDefaultPortFrom(Peer.AnyIpv4())|};
                        var files = new Efs.FileSystem(this, "Shared", new Efs.FileSystemProps { Vpc = vpc });
                        {|#2:files.Connections.AllowDefaultPortFromAnyIpv4()|};
                        var aurora = new DatabaseCluster(this, "Ledger", new DatabaseClusterProps { Engine = DatabaseClusterEngine.AuroraPostgres(new AuroraPostgresClusterEngineProps { Version = AuroraPostgresEngineVersion.VER_15_2 }), Vpc = vpc, Writer = ClusterInstance.Provisioned("Writer") });
                        {|#3:aurora.Connections.AllowDefaultPortFromAnyIpv4()|};
                        var moved = new DatabaseInstance(this, "Moved", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, Port = 15432 });
                        moved.Connections.AllowDefaultPortFromAnyIpv4();
            """),
            null,
            At(0, "port 5432 (PostgreSQL)", "Peer.AnyIpv4()"),
            At(1, "port 3306 (MySQL)", "Peer.AnyIpv4()"),
            At(2, "port 2049 (NFS)", "Peer.AnyIpv4()"),
            At(3, "port 5432 (PostgreSQL)", "Peer.AnyIpv4()"));

        [Theory, CdkVersions]
        public Task Web_ports_narrow_peers_and_unknown_values_are_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith(Usings, """
                        var vpc = new Vpc(this, "Vpc");
                        var sg = new SecurityGroup(this, "Web", new SecurityGroupProps { Vpc = vpc });
                        sg.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(443), "https");
                        sg.AddIngressRule(Peer.AnyIpv6(), Port.Tcp(80));
                        sg.AddIngressRule(Peer.AnyIpv4(), Port.AllIcmp());
                        sg.AddIngressRule(Peer.Ipv4("10.0.0.0/16"), Port.Tcp(22));
                        sg.AddIngressRule(Peer.Ipv4(vpc.VpcCidrBlock), Port.Tcp(5432));
                        sg.AddIngressRule(Peer.PrefixList("pl-0123456789abcdef0"), Port.Tcp(22));
                        var admins = new SecurityGroup(this, "Admins", new SecurityGroupProps { Vpc = vpc });
                        sg.Connections.AllowFrom(admins, Port.Tcp(22));
                        var office = (string)Node.TryGetContext("officeCidr");
                        sg.AddIngressRule(Peer.Ipv4(office), Port.Tcp(3389));
                        foreach (var port in new[] { 8080, 8443 })
                        {
                            sg.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(port));
                        }

                        sg.AddEgressRule(Peer.AnyIpv4(), Port.Tcp(22));
            """));

        [Fact]
        public Task Named_ports_of_newer_cdk_are_read() => VerifyCS.Diagnostics(CdkVersion.V2_277,
            Code.StackWith(Usings, """
                        var vpc = new Vpc(this, "Vpc");
                        var sg = new SecurityGroup(this, "Bastion", new SecurityGroupProps { Vpc = vpc });
                        {|CDK2008:sg.AddIngressRule(Peer.AnyIpv4(), Port.SSH)|};
                        sg.AddIngressRule(Peer.AnyIpv4(), Port.HTTPS);
            """));
    }
}
