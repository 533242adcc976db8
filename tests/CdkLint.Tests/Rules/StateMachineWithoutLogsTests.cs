using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Xunit;
using VerifyCS = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.StateMachineWithoutLogsAnalyzer, CdkLint.CodeFixes.Rules.StateMachineWithoutLogsFixer>;

namespace CdkLint.Tests.Rules
{
    public class StateMachineWithoutLogsTests
    {
        private const string Usings = "using Amazon.CDK.AWS.StepFunctions;\n";

        [Theory, CdkVersions]
        public Task A_state_machine_without_logs_and_tracing_gets_both(CdkVersion version) => VerifyCS.Fix(version,
            Code.StackWith(Usings, """
                        {|CDK4005:new StateMachine(this, "Checkout", new StateMachineProps { DefinitionBody = DefinitionBody.FromChainable(new Pass(this, "Start")) })|};
            """),
            Code.StackWith(Usings, """
                        new StateMachine(this, "Checkout", new StateMachineProps { DefinitionBody = DefinitionBody.FromChainable(new Pass(this, "Start")), Logs = new LogOptions { Destination = new LogGroup(this, "CheckoutLogs", new LogGroupProps { Retention = RetentionDays.ONE_MONTH }), Level = LogLevel.ALL }, TracingEnabled = true });
            """));

        // Fixed one finding at a time, the second state machine reads the Logs the first fix assigned to the shared props
        // (it then logs to the first one's group, which is valid); Fix All gives each its own group.
        [Theory, CdkVersions]
        public Task Shared_props_get_a_log_group_before_each_state_machine_in_fix_all(CdkVersion version) => VerifyCS.Fix(version,
            Code.StackWith(Usings, """
                        var machineProps = new StateMachineProps { DefinitionBody = DefinitionBody.FromChainable(new Pass(this, "Only")) };
                        {|CDK4005:new StateMachine(this, "Orders", machineProps)|};
                        {|CDK4005:new StateMachine(this, "Returns", machineProps)|};
            """),
            Code.StackWith(Usings, """
                        var machineProps = new StateMachineProps { DefinitionBody = DefinitionBody.FromChainable(new Pass(this, "Only")), TracingEnabled = true };
                        machineProps.Logs = new LogOptions { Destination = new LogGroup(this, "OrdersLogs", new LogGroupProps { Retention = RetentionDays.ONE_MONTH }), Level = LogLevel.ALL };
                        new StateMachine(this, "Orders", machineProps);
                        new StateMachine(this, "Returns", machineProps);
            """),
            batchFixedSource: Code.StackWith(Usings, """
                        var machineProps = new StateMachineProps { DefinitionBody = DefinitionBody.FromChainable(new Pass(this, "Only")), TracingEnabled = true };
                        machineProps.Logs = new LogOptions { Destination = new LogGroup(this, "OrdersLogs", new LogGroupProps { Retention = RetentionDays.ONE_MONTH }), Level = LogLevel.ALL };
                        new StateMachine(this, "Orders", machineProps);
                        machineProps.Logs = new LogOptions { Destination = new LogGroup(this, "ReturnsLogs", new LogGroupProps { Retention = RetentionDays.ONE_MONTH }), Level = LogLevel.ALL };
                        new StateMachine(this, "Returns", machineProps);
            """));

        [Theory, CdkVersions]
        public Task Only_what_is_missing_is_named_and_added(CdkVersion version) => VerifyCS.Fix(version,
            Code.StackWith(Usings, """
                        var logs = new LogGroup(this, "Audit", new LogGroupProps { Retention = RetentionDays.ONE_YEAR });
                        {|CDK4005:new StateMachine(this, "Logged", new StateMachineProps { DefinitionBody = DefinitionBody.FromChainable(new Pass(this, "A")), Logs = new LogOptions { Destination = logs } })|};
                        {|CDK4005:new StateMachine(this, "Traced", new StateMachineProps { DefinitionBody = DefinitionBody.FromChainable(new Pass(this, "B")), TracingEnabled = true })|};
            """),
            Code.StackWith(Usings, """
                        var logs = new LogGroup(this, "Audit", new LogGroupProps { Retention = RetentionDays.ONE_YEAR });
                        new StateMachine(this, "Logged", new StateMachineProps { DefinitionBody = DefinitionBody.FromChainable(new Pass(this, "A")), Logs = new LogOptions { Destination = logs }, TracingEnabled = true });
                        new StateMachine(this, "Traced", new StateMachineProps { DefinitionBody = DefinitionBody.FromChainable(new Pass(this, "B")), TracingEnabled = true, Logs = new LogOptions { Destination = new LogGroup(this, "TracedLogs", new LogGroupProps { Retention = RetentionDays.ONE_MONTH }), Level = LogLevel.ALL } });
            """));

        [Theory, CdkVersions]
        public Task The_message_names_what_is_missing(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith(Usings, """
                        var logs = new LogGroup(this, "Audit", new LogGroupProps { Retention = RetentionDays.ONE_YEAR });
                        {|#0:new StateMachine(this, "Logged", new StateMachineProps { DefinitionBody = DefinitionBody.FromChainable(new Pass(this, "A")), Logs = new LogOptions { Destination = logs } })|};
                        {|#1:new StateMachine(this, "Traced", new StateMachineProps { DefinitionBody = DefinitionBody.FromChainable(new Pass(this, "B")), TracingEnabled = true })|};
            """),
            null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("CDK4005", Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(0).WithArguments("StateMachine 'Logged'", "no X-Ray tracing (TracingEnabled)"),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("CDK4005", Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(1).WithArguments("StateMachine 'Traced'", "no execution log (Logs)"));

        [Theory, CdkVersions]
        public Task Decided_settings_and_unknown_props_are_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith(Usings, """
                        var logs = new LogGroup(this, "Audit", new LogGroupProps { Retention = RetentionDays.ONE_YEAR });
                        new StateMachine(this, "Decided", new StateMachineProps { DefinitionBody = DefinitionBody.FromChainable(new Pass(this, "A")), Logs = new LogOptions { Destination = logs, Level = LogLevel.ERROR }, TracingEnabled = false });
                        foreach (var flow in new[] { "Pay", "Ship" })
                        {
                            new StateMachine(this, flow, new StateMachineProps { DefinitionBody = DefinitionBody.FromChainable(new Pass(this, flow + "Start")), Logs = new LogOptions { Destination = logs, Level = LogLevel.ALL }, TracingEnabled = true });
                        }

                        Build(this, new StateMachineProps { DefinitionBody = DefinitionBody.FromChainable(new Pass(this, "C")) });
            """, """
                    private static StateMachine Build(Construct scope, StateMachineProps machineProps) => new StateMachine(scope, "Built", machineProps);
            """));
    }
}
