using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Xunit;
using Insights = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.ClusterWithoutContainerInsightsAnalyzer, CdkLint.CodeFixes.Rules.ClusterWithoutContainerInsightsFixer>;
using FlowLogs = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.VpcWithoutFlowLogsAnalyzer, CdkLint.CodeFixes.Rules.VpcWithoutFlowLogsFixer>;

namespace CdkLint.Tests.Rules
{
    /// <summary>CDK4007 (ECS Container Insights) and CDK4008 (VPC flow logs).</summary>
    public class ClusterAndVpcObservabilityTests
    {
        private const string Usings = "using Amazon.CDK.AWS.EC2;\nusing Amazon.CDK.AWS.ECS;\n";

        [Theory]
        [InlineData(CdkVersion.V2_103)]
        [InlineData(CdkVersion.V2_160)]
        public Task Container_insights_on_versions_without_the_v2_setting(CdkVersion version) => Insights.Fix(version,
            Code.StackWith(Usings, """
                        var vpc = new Vpc(this, "Vpc");
                        {|CDK4007:new Cluster(this, "Shop", new ClusterProps { Vpc = vpc })|};
            """),
            Code.StackWith(Usings, """
                        var vpc = new Vpc(this, "Vpc");
                        new Cluster(this, "Shop", new ClusterProps { Vpc = vpc, ContainerInsights = true });
            """));

        [Fact]
        public Task Container_insights_v2_where_cdk_obsoletes_the_boolean() => Insights.Fix(CdkVersion.V2_277,
            Code.StackWith(Usings, """
                        var vpc = new Vpc(this, "Vpc");
                        {|CDK4007:new Cluster(this, "Shop", new ClusterProps { Vpc = vpc })|};
                        {|CDK4007:new Cluster(this, "Default")|};
            """),
            Code.StackWith(Usings, """
                        var vpc = new Vpc(this, "Vpc");
                        new Cluster(this, "Shop", new ClusterProps { Vpc = vpc, ContainerInsightsV2 = ContainerInsights.ENABLED });
                        new Cluster(this, "Default", new ClusterProps { ContainerInsightsV2 = ContainerInsights.ENABLED });
            """));

        [Theory, CdkVersions]
        public Task Clusters_that_decide_and_imported_clusters_are_quiet(CdkVersion version) => Insights.Diagnostics(version,
            Code.StackWith(Usings, """
                        var vpc = new Vpc(this, "Vpc");
                        new Cluster(this, "Off", new ClusterProps { Vpc = vpc, ContainerInsights = false });
                        new Cluster(this, "On", new ClusterProps { Vpc = vpc, ContainerInsights = true });
                        Cluster.FromClusterAttributes(this, "Shared", new ClusterAttributes { ClusterName = "shared", Vpc = vpc });
            """));

        [Theory, CdkVersions]
        public Task Vpcs_without_flow_logs_are_fixed(CdkVersion version) => FlowLogs.Fix(version,
            Code.StackWith(Usings, """
                        var network = {|CDK4008:new Vpc(this, "Network", new VpcProps { MaxAzs = 2 })|};
                        {|CDK4008:new Vpc(this, "Edge")|};
            """),
            Code.StackWith(Usings, """
                        var network = new Vpc(this, "Network", new VpcProps { MaxAzs = 2, FlowLogs = new Dictionary<string, IFlowLogOptions> { ["FlowLog"] = new FlowLogOptions() } });
                        new Vpc(this, "Edge", new VpcProps { FlowLogs = new Dictionary<string, IFlowLogOptions> { ["FlowLog"] = new FlowLogOptions() } });
            """));

        [Theory, CdkVersions]
        public Task Vpcs_with_flow_logs_by_any_route_and_imported_vpcs_are_quiet(CdkVersion version) => FlowLogs.Diagnostics(version,
            Code.StackWith(Usings, """
                        new Vpc(this, "InProps", new VpcProps { FlowLogs = new Dictionary<string, IFlowLogOptions> { ["All"] = new FlowLogOptions { TrafficType = FlowLogTrafficType.REJECT } } });
                        var added = new Vpc(this, "Added");
                        added.AddFlowLog("Rejected", new FlowLogOptions { TrafficType = FlowLogTrafficType.REJECT });
                        var separate = new Vpc(this, "Separate");
                        new FlowLog(this, "SeparateLog", new FlowLogProps { ResourceType = FlowLogResourceType.FromVpc(separate) });
                        Network = new Vpc(this, "Field");
                        Vpc.FromVpcAttributes(this, "Imported", new VpcAttributes { VpcId = "vpc-1", AvailabilityZones = new[] { "eu-west-1a" } });
            """, """
                    public Vpc Network { get; private set; }

                    private void Logs() => Network.AddFlowLog("All");
            """));

        [Theory, CdkVersions]
        public Task A_vpc_returned_by_a_helper_is_followed_to_its_caller(CdkVersion version) => FlowLogs.Diagnostics(version,
            Code.StackWith(Usings, """
                        var logged = Logged();
                        logged.AddFlowLog("All");
                        var unlogged = Unlogged();
                        unlogged.AddGatewayEndpoint("S3", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 });
            """, """
                    private Vpc Logged() => new Vpc(this, "Logged", new VpcProps { MaxAzs = 2 });

                    private Vpc Unlogged()
                    {
                        return {|CDK4008:new Vpc(this, "Unlogged", new VpcProps { MaxAzs = 2 })|};
                    }
            """));
    }
}
