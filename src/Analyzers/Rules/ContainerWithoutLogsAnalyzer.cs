using System.Collections.Immutable;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK4006. An ECS container definition (<c>taskDefinition.AddContainer(id, options)</c>, <c>new ContainerDefinition</c>)
    /// whose options set no <c>Logging</c> writes its output to the Docker daemon's driver, which on Fargate keeps it
    /// nowhere. The ecs-patterns constructs log by default; they are reported only where a task image sets
    /// <c>EnableLogging = false</c> and no <c>LogDriver</c>.
    /// </summary>
    public sealed class ContainerWithoutLogsAnalyzer : CdkAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK4006);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            var taskDefinition = symbols.Type("Amazon.CDK.AWS.ECS.TaskDefinition");
            var containerDefinition = symbols.Type("Amazon.CDK.AWS.ECS.ContainerDefinition");
            if (taskDefinition is null || containerDefinition is null)
            {
                return;
            }

            var firelens = symbols.Type("Amazon.CDK.AWS.ECS.FirelensLogRouter");
            context.RegisterConstructCreationAction((ctx, creation) =>
            {
                // The FireLens router is the log pipeline itself; its own output is a separate choice.
                if (CdkSymbols.InheritsFrom(creation.Type, containerDefinition) && !(firelens is not null && CdkSymbols.InheritsFrom(creation.Type, firelens)))
                {
                    Check(ctx, PropsReader.Read(creation, ctx.CancellationToken), creation.Location, "Container", creation.IdArgument);
                }
            });

            context.RegisterOperationAction(
                ctx =>
                {
                    var call = (IInvocationOperation)ctx.Operation;
                    if (call.TargetMethod.Name == "AddContainer" && call.Arguments.Length == 2 && CdkSymbols.InheritsFrom(call.TargetMethod.ContainingType, taskDefinition))
                    {
                        Check(ctx, PropsReader.Read(call.Arguments[1].Value, ctx.CancellationToken), call.Syntax.GetLocation(), "Container", call.Arguments[0].Value);
                    }
                },
                OperationKind.Invocation);

            var taskImages = new PropTable<bool>(symbols, new[]
            {
                ("Amazon.CDK.AWS.ECS.Patterns.IApplicationLoadBalancedTaskImageOptions", "EnableLogging", true),
                ("Amazon.CDK.AWS.ECS.Patterns.IApplicationLoadBalancedTaskImageProps", "EnableLogging", true),
                ("Amazon.CDK.AWS.ECS.Patterns.INetworkLoadBalancedTaskImageOptions", "EnableLogging", true),
                ("Amazon.CDK.AWS.ECS.Patterns.INetworkLoadBalancedTaskImageProps", "EnableLogging", true),
                ("Amazon.CDK.AWS.ECS.Patterns.IQueueProcessingServiceBaseProps", "EnableLogging", true),
            });
            RegisterPropAssignmentAction(context, taskImages, (ctx, assignment, isTaskImage) =>
            {
                if (isTaskImage && Constant.TryGetBool(assignment.Value, out var on) && !on)
                {
                    var options = PropsReader.ReadObjectOf(assignment.Assignment, ctx.CancellationToken);
                    if (options.IsComplete && !options.TryGet("LogDriver", out _))
                    {
                        ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK4006, assignment.Value.Syntax.GetLocation(), "The task image", "sets EnableLogging = false and no LogDriver"));
                    }
                }
            });
        }

        private static void Check(OperationAnalysisContext ctx, PropsView options, Location location, string what, IOperation? id)
        {
            if (options.IsComplete && !options.TryGet("Logging", out _))
            {
                var name = Constant.TryGetString(id, out var text) ? what + " '" + text + "'" : what;
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK4006, location, name, "has no Logging"));
            }
        }
    }
}
