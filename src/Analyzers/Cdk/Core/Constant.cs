using System;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Cdk
{
    /// <summary>
    /// A constant value, as every rule means it: a literal, a const, a concatenation or interpolation of constants, a
    /// local assigned once from a constant and never written again, or a readonly field initialised with a constant
    /// literal or an enum member and not assigned in a constructor. Anything else (a token such as <c>Aws.ACCOUNT_ID</c>, a parameter, a property
    /// read, a method call) is not constant: CDK resolves it at synth or deploy time.
    /// </summary>
    internal static class Constant
    {
        private const int MaxDepth = 8;

        public static bool TryGetString(IOperation? operation, out string value)
        {
            if (TryGet(operation, 0, out var obj) && obj is string s)
            {
                value = s;
                return true;
            }

            value = string.Empty;
            return false;
        }

        public static bool TryGetNumber(IOperation? operation, out double value)
        {
            if (TryGet(operation, 0, out var obj) && obj is not null and not string and not bool and not char)
            {
                try
                {
                    value = Convert.ToDouble(obj, CultureInfo.InvariantCulture);
                    return true;
                }
                catch (InvalidCastException)
                {
                }
            }

            value = 0;
            return false;
        }

        public static bool TryGetBool(IOperation? operation, out bool value)
        {
            if (TryGet(operation, 0, out var obj) && obj is bool b)
            {
                value = b;
                return true;
            }

            value = false;
            return false;
        }

        /// <summary>
        /// How data rules (the AwsSolutions pack, cdklint.json policies) name a value: an enum member's or a static
        /// member's name (<c>Mfa.OFF</c> → <c>OFF</c>, <c>Peer.AnyIpv4()</c> → <c>AnyIpv4</c>), <c>true</c>/<c>false</c>,
        /// a number or a string, a constant duration as seconds (<c>Duration.Days(0)</c> → <c>0s</c>). Null when the
        /// value is not known in the source. Factory calls and durations are named only when <paramref name="symbols"/>
        /// is given (team policies compare plain constants and members).
        /// </summary>
        public static string? ValueName(IOperation? value, CdkSymbols? symbols = null)
        {
            var unwrapped = ConstructCreation.Unwrap(value);
            if (symbols is not null && TryGetDurationSeconds(unwrapped, symbols, out var seconds))
            {
                return seconds.ToString(CultureInfo.InvariantCulture) + "s";
            }

            switch (unwrapped)
            {
                case null:
                    return null;
                case IFieldReferenceOperation { Instance: null } field when field.Field.ContainingType?.TypeKind == TypeKind.Enum || !field.Field.HasConstantValue:
                    return field.Field.Name;
                case IPropertyReferenceOperation { Instance: null } property:
                    return property.Property.Name;
                case IInvocationOperation { Instance: null } call when symbols is not null && call.TargetMethod.IsStatic:
                    return call.TargetMethod.Name;
            }

            if (TryGet(unwrapped, 0, out var constant))
            {
                if (unwrapped.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType && constant is not null)
                {
                    foreach (var member in enumType.GetMembers())
                    {
                        if (member is IFieldSymbol { HasConstantValue: true } f && Equals(f.ConstantValue, constant))
                        {
                            return f.Name;
                        }
                    }

                    return null;
                }

                return constant switch
                {
                    bool b => b ? "true" : "false",
                    string s => s,
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => null,
                };
            }

            return null;
        }

        /// <summary><c>Duration.Seconds/Minutes/Hours/Days/Millis(c)</c> with a constant <c>c</c>, in seconds.</summary>
        public static bool TryGetDurationSeconds(IOperation? operation, CdkSymbols symbols, out double seconds)
        {
            seconds = 0;
            if (ConstructCreation.Unwrap(operation) is not IInvocationOperation { Instance: null, Arguments.Length: 1 } call
                || !SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, symbols.Duration)
                || !TryGetNumber(call.Arguments[0].Value, out var amount))
            {
                return false;
            }

            double? factor = call.TargetMethod.Name switch
            {
                "Millis" => 0.001,
                "Seconds" => 1,
                "Minutes" => 60,
                "Hours" => 3600,
                "Days" => 86400,
                _ => null,
            };
            if (factor is null)
            {
                return false;
            }

            seconds = amount * factor.Value;
            return true;
        }

        /// <summary><c>Size.Mebibytes/Gibibytes(c)</c> with a constant <c>c</c>, in MiB.</summary>
        public static bool TryGetSizeMebibytes(IOperation? operation, CdkSymbols symbols, out double mebibytes)
        {
            mebibytes = 0;
            if (ConstructCreation.Unwrap(operation) is not IInvocationOperation { Instance: null, Arguments.Length: 1 } call
                || !SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, symbols.Size)
                || !TryGetNumber(call.Arguments[0].Value, out var amount))
            {
                return false;
            }

            double? factor = call.TargetMethod.Name switch
            {
                "Mebibytes" => 1,
                "Gibibytes" => 1024,
                _ => null,
            };
            if (factor is null)
            {
                return false;
            }

            mebibytes = amount * factor.Value;
            return true;
        }

        private static bool TryGet(IOperation? operation, int depth, out object? value)
        {
            value = null;
            if (operation is null || depth > MaxDepth)
            {
                return false;
            }

            if (operation.ConstantValue.HasValue)
            {
                value = operation.ConstantValue.Value;
                return value is not null;
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    return TryGet(conversion.Operand, depth + 1, out value);
                case IParenthesizedOperation parenthesized:
                    return TryGet(parenthesized.Operand, depth + 1, out value);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add when add.Type?.SpecialType == SpecialType.System_String:
                    if (TryGet(add.LeftOperand, depth + 1, out var left) && TryGet(add.RightOperand, depth + 1, out var right))
                    {
                        value = Format(left) + Format(right);
                        return true;
                    }

                    return false;
                case IInterpolatedStringOperation interpolated:
                    return TryInterpolation(interpolated, depth, out value);
                case ILocalReferenceOperation local:
                    return TryLocal(local, depth, out value);
                case IFieldReferenceOperation field:
                    return TryReadonlyField(field.Field, out value);
                default:
                    return false;
            }
        }

        private static string Format(object? value) => value switch
        {
            null => string.Empty,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };

        private static bool TryInterpolation(IInterpolatedStringOperation interpolated, int depth, out object? value)
        {
            value = null;
            var builder = new StringBuilder();
            foreach (var part in interpolated.Parts)
            {
                switch (part)
                {
                    case IInterpolatedStringTextOperation text:
                        if (!TryGet(text.Text, depth + 1, out var t))
                        {
                            return false;
                        }

                        builder.Append(Format(t));
                        break;
                    case IInterpolationOperation { Alignment: null, FormatString: null } hole:
                        if (!TryGet(hole.Expression, depth + 1, out var h))
                        {
                            return false;
                        }

                        builder.Append(Format(h));
                        break;
                    default:
                        return false;
                }
            }

            value = builder.ToString();
            return true;
        }

        private static bool TryLocal(ILocalReferenceOperation reference, int depth, out object? value)
        {
            value = null;
            var local = reference.Local;
            if (local.IsRef)
            {
                return false;
            }

            IOperation? initializer = null;
            foreach (var op in OperationTree.BodyOf(reference))
            {
                switch (op)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        initializer = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                        break;
                    case IAssignmentOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation target2 } when SymbolEqualityComparer.Default.Equals(target2.Local, local):
                    case IArgumentOperation { Parameter.RefKind: not RefKind.None and not RefKind.In, Value: ILocalReferenceOperation target3 } when SymbolEqualityComparer.Default.Equals(target3.Local, local):
                        return false;
                }
            }

            return initializer is not null && TryGet(initializer, depth + 1, out value);
        }

        private static bool TryReadonlyField(IFieldSymbol field, out object? value)
        {
            value = null;
            if (!field.IsReadOnly || field.DeclaringSyntaxReferences.Length != 1
                || field.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: var initializer })
            {
                return false;
            }

            switch (initializer)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.NumericLiteralExpression):
                    value = literal.Token.Value;
                    break;
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: var member, Expression: var owner } when field.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType
                    && LastName(owner) == enumType.Name:
                    // `readonly RemovalPolicy Policy = RemovalPolicy.DESTROY;`: the enum member's value.
                    value = EnumValue(enumType, member);
                    break;
                default:
                    return false;
            }

            // A readonly field may still be set in a constructor: then its value depends on the caller.
            return value is not null && !AssignedInConstructor(field);
        }

        /// <summary>True when a constructor of the field's type assigns it (a readonly field's value then depends on the caller).</summary>
        public static bool AssignedInConstructor(IFieldSymbol field)
        {
            foreach (var reference in field.ContainingType.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is not TypeDeclarationSyntax type)
                {
                    continue;
                }

                foreach (var member in type.Members)
                {
                    if (member is ConstructorDeclarationSyntax ctor && AssignsTo(ctor, field.Name))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// True when <paramref name="operation"/> is a constant (in the sense above: the member itself, a const, a local
        /// assigned once, a readonly field) equal to the member <paramref name="member"/> of the CDK enum
        /// <paramref name="enumType"/>. CDK props hold enums as nullable (`Effect?`), so the value arrives wrapped in a
        /// conversion: it is compared by value, after the conversion, never by the type of the wrapper.
        /// </summary>
        public static bool IsEnumMember(IOperation? operation, INamedTypeSymbol? enumType, string member)
        {
            var unwrapped = ConstructCreation.Unwrap(operation);
            if (enumType is null || unwrapped?.Type is not { } type || !SymbolEqualityComparer.Default.Equals(type, enumType))
            {
                return false;
            }

            var expected = EnumValue(enumType, member);
            return expected is not null && TryGet(unwrapped, 0, out var value) && Equals(value, expected);
        }

        private static object? EnumValue(INamedTypeSymbol enumType, string member)
        {
            foreach (var candidate in enumType.GetMembers(member))
            {
                if (candidate is IFieldSymbol { HasConstantValue: true } field)
                {
                    return field.ConstantValue;
                }
            }

            return null;
        }

        private static string? LastName(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax id => id.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            _ => null,
        };

        private static bool AssignsTo(ConstructorDeclarationSyntax ctor, string name)
        {
            foreach (var assignment in ctor.DescendantNodes())
            {
                if (assignment is AssignmentExpressionSyntax { Left: var left }
                    && (left is IdentifierNameSyntax id && id.Identifier.ValueText == name
                        || left is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name.Identifier.ValueText: var n } && n == name))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
