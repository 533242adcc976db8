using System.Collections.Immutable;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK1004. DynamoDB keeps no continuous backups unless point-in-time recovery is on (CDK's default is off), so a bad
    /// write or delete cannot be rolled back. CDK offers two APIs: the boolean <c>PointInTimeRecovery</c> and, in newer
    /// versions that deprecate it, <c>PointInTimeRecoverySpecification</c>; either counts. For TableV2 the table-level
    /// setting covers the primary table and is the default of every replica; a replica that turns it off is reported too.
    /// </summary>
    public sealed class TableWithoutPointInTimeRecoveryAnalyzer : CdkAnalyzer
    {
        internal const string Boolean = "PointInTimeRecovery";
        internal const string Specification = "PointInTimeRecoverySpecification";
        internal const string Enabled = "PointInTimeRecoveryEnabled";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK1004);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            var table = symbols.Type("Amazon.CDK.AWS.DynamoDB.Table");
            var tableV2 = symbols.Type("Amazon.CDK.AWS.DynamoDB.TableV2");
            if (table is null)
            {
                return;
            }

            context.RegisterConstructCreationAction((ctx, creation) =>
            {
                if (!CdkSymbols.InheritsFrom(creation.Type, table) && !CdkSymbols.InheritsFrom(creation.Type, tableV2))
                {
                    return;
                }

                var props = PropsReader.Read(creation, ctx.CancellationToken);
                if (props.IsComplete && State(props, ctx.CancellationToken, out _) == Pitr.Unset)
                {
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK1004, creation.Location, creation.DisplayName, "does not enable point-in-time recovery"));
                }
            });

            // A constant `false` is reported where it is written (table, TableV2 or one of its replicas).
            var falseValues = new PropTable<bool>(symbols, new[]
            {
                ("Amazon.CDK.AWS.DynamoDB.ITableOptions", Boolean, true),
                ("Amazon.CDK.AWS.DynamoDB.ITableOptionsV2", Boolean, true),
                ("Amazon.CDK.AWS.DynamoDB.ReplicaTableProps", Boolean, true),
                ("Amazon.CDK.AWS.DynamoDB.IPointInTimeRecoverySpecification", Enabled, true),
            });
            RegisterPropAssignmentAction(context, falseValues, (ctx, assignment, _) =>
            {
                if (Constant.TryGetBool(assignment.Value, out var on) && !on)
                {
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK1004, assignment.Value.Syntax.GetLocation(), "This DynamoDB table", "turns point-in-time recovery off"));
                }
            });
        }

        internal enum Pitr
        {
            Unset,
            On,
            Off,
            Decided,
        }

        /// <summary>
        /// What a table's or replica's props say about PITR. A non-constant value is a decision (<see cref="Pitr.Decided"/>);
        /// <paramref name="badValue"/> is the constant <c>false</c> that turns it off.
        /// </summary>
        internal static Pitr State(PropsView props, System.Threading.CancellationToken cancellationToken, out IOperation? badValue)
        {
            IOperation? flagBad = null, specBad = null;
            var flag = props.ValueOf(Boolean) is { } b ? Judge(b, ref flagBad) : Pitr.Unset;
            var spec = Pitr.Unset;
            if (props.ValueOf(Specification) is { } specification)
            {
                spec = PropsReader.Read(specification, cancellationToken).ValueOf(Enabled) is { } enabled ? Judge(enabled, ref specBad) : Pitr.Decided;
            }

            badValue = flagBad ?? specBad;
            if (flag == Pitr.On || spec == Pitr.On)
            {
                return Pitr.On;
            }

            return flag == Pitr.Decided || spec == Pitr.Decided ? Pitr.Decided
                : flag == Pitr.Off || spec == Pitr.Off ? Pitr.Off
                : Pitr.Unset;
        }

        private static Pitr Judge(IOperation value, ref IOperation? badValue)
        {
            if (!Constant.TryGetBool(value, out var on))
            {
                return Pitr.Decided;
            }

            if (!on)
            {
                badValue = value;
                return Pitr.Off;
            }

            return Pitr.On;
        }
    }
}
