using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Xunit;
using VerifyCS = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.TableWithoutPointInTimeRecoveryAnalyzer, CdkLint.CodeFixes.Rules.TableWithoutPointInTimeRecoveryFixer>;

namespace CdkLint.Tests.Rules
{
    public class TableWithoutPointInTimeRecoveryTests
    {
        private const string Key = """PartitionKey = new Attribute { Name = "id", Type = AttributeType.STRING }""";

        /// <summary>What the fix writes: the boolean until CDK deprecates it (2.103, 2.160), the specification after (2.277).</summary>
        private static string Enable(CdkVersion version) => version == CdkVersion.V2_277
            ? "PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true }"
            : "PointInTimeRecovery = true";

        [Theory, CdkVersions]
        public Task Missing_setting_is_added_with_the_api_the_version_offers(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack($$"""
                        var table = {|CDK1004:new Table(this, "Products", new TableProps
                        {
                            {{Key}},
                            BillingMode = BillingMode.PAY_PER_REQUEST
                        })|};
            """),
            Code.Stack($$"""
                        var table = new Table(this, "Products", new TableProps
                        {
                            {{Key}},
                            BillingMode = BillingMode.PAY_PER_REQUEST,
                            {{Enable(version)}}
                        });
            """));

        [Theory, CdkVersions]
        public Task Explicit_false_is_turned_on(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack($$"""
                        var tableProps = new TableProps { {{Key}} };
            #pragma warning disable CS0618
                        tableProps.PointInTimeRecovery = {|CDK1004:false|};
            #pragma warning restore CS0618
                        new Table(this, "Orders", tableProps);
            """),
            Code.Stack($$"""
                        var tableProps = new TableProps { {{Key}} };
            #pragma warning disable CS0618
                        tableProps.{{Enable(version)}};
            #pragma warning restore CS0618
                        new Table(this, "Orders", tableProps);
            """));

        [Theory, CdkVersions]
        public Task Table_v2_and_its_replicas(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack($$"""
                        {|CDK1004:new TableV2(this, "Global", new TablePropsV2
                        {
                            {{Key}},
                            Replicas = new[] { new ReplicaTableProps { Region = "eu-west-1" } },
                        })|};
                        new TableV2(this, "Mixed", new TablePropsV2
                        {
                            {{Key}},
                            PointInTimeRecovery = true,
                            Replicas = new[] { new ReplicaTableProps { Region = "eu-west-1", PointInTimeRecovery = {|CDK1004:false|} } },
                        });
            """),
            Code.Stack($$"""
                        new TableV2(this, "Global", new TablePropsV2
                        {
                            {{Key}},
                            Replicas = new[] { new ReplicaTableProps { Region = "eu-west-1" } },
                            {{Enable(version)}},
                        });
                        new TableV2(this, "Mixed", new TablePropsV2
                        {
                            {{Key}},
                            PointInTimeRecovery = true,
                            Replicas = new[] { new ReplicaTableProps { Region = "eu-west-1", {{Enable(version)}} } },
                        });
            """));

        [Theory, CdkVersions]
        public Task Props_from_a_helper(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack(
                """
                            {|CDK1004:new Table(this, "Audit", AuditProps())|};
                """,
                $$"""
                        private static TableProps AuditProps() => new TableProps { {{Key}} };
                """),
            Code.Stack(
                """
                            new Table(this, "Audit", AuditProps());
                """,
                $$"""
                        private static TableProps AuditProps() => new TableProps { {{Key}}, {{Enable(version)}} };
                """));

        [Theory, CdkVersions]
        public Task Enabled_tables_and_decisions_are_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack($$"""
            #pragma warning disable CS0618
                        new Table(this, "A", new TableProps { {{Key}}, PointInTimeRecovery = true });
                        new Table(this, "B", new TableProps { {{Key}}, PointInTimeRecovery = isProd });
                        new TableV2(this, "C", new TablePropsV2 { {{Key}}, PointInTimeRecovery = true });
                        new Table(this, "D", shared);
            """, parameters: ", bool isProd, TableProps shared"));

        [Fact]
        public Task Specification_api_counts_on_newer_cdk() => VerifyCS.Diagnostics(CdkVersion.V2_277,
            Code.Stack($$"""
                        new Table(this, "A", new TableProps { {{Key}}, PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true } });
                        new TableV2(this, "B", new TablePropsV2 { {{Key}}, PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true, RecoveryPeriodInDays = 7 } });
                        new Table(this, "C", new TableProps { {{Key}}, PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = {|CDK1004:false|} } });
            """));

        [Fact]
        public Task Specification_false_is_turned_on() => VerifyCS.Fix(CdkVersion.V2_277,
            Code.Stack($$"""
                        new Table(this, "C", new TableProps { {{Key}}, PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = {|CDK1004:false|} } });
            """),
            Code.Stack($$"""
                        new Table(this, "C", new TableProps { {{Key}}, PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true } });
            """));

        [Theory, CdkVersions]
        public Task Other_constructs_are_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack($$"""
                        new CfnTable(this, "L1", new CfnTableProps { KeySchema = new[] { new CfnTable.KeySchemaProperty { AttributeName = "id", KeyType = "HASH" } } });
                        var imported = Table.FromTableName(this, "Imported", "orders");
            """));
    }
}
