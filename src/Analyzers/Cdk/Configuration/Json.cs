using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CdkLint.Cdk
{
    /// <summary>
    /// A small JSON reader for the configuration files CdkLint reads (cdk.json): objects become
    /// <c>Dictionary&lt;string, object?&gt;</c>, arrays <c>List&lt;object?&gt;</c>, numbers double. Analyzers ship without
    /// System.Text.Json (it is not in netstandard2.0 and a dependency would have to load into the compiler).
    /// </summary>
    internal sealed class Json
    {
        private readonly string _text;
        private int _pos;

        private Json(string text) => _text = text;

        /// <summary>Parses <paramref name="text"/>; on malformed input returns false with a message naming line and column.</summary>
        public static bool TryParse(string text, out object? value, out string? error)
        {
            var reader = new Json(text);
            try
            {
                reader.SkipSpace();
                value = reader.ReadValue(0);
                reader.SkipSpace();
                if (reader._pos != text.Length)
                {
                    throw reader.Fail("unexpected text after the end of the document");
                }

                error = null;
                return true;
            }
            catch (FormatException e)
            {
                value = null;
                error = e.Message;
                return false;
            }
        }

        private object? ReadValue(int depth)
        {
            if (depth > 64)
            {
                throw Fail("nesting is too deep");
            }

            if (_pos >= _text.Length)
            {
                throw Fail("unexpected end of the document");
            }

            switch (_text[_pos])
            {
                case '{':
                    return ReadObject(depth);
                case '[':
                    return ReadArray(depth);
                case '"':
                    return ReadString();
                case 't':
                    Expect("true");
                    return true;
                case 'f':
                    Expect("false");
                    return false;
                case 'n':
                    Expect("null");
                    return null;
                default:
                    return ReadNumber();
            }
        }

        private Dictionary<string, object?> ReadObject(int depth)
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            _pos++;
            SkipSpace();
            if (Peek() == '}')
            {
                _pos++;
                return result;
            }

            while (true)
            {
                SkipSpace();
                if (Peek() != '"')
                {
                    throw Fail("expected a property name in double quotes");
                }

                var key = ReadString();
                SkipSpace();
                if (Peek() != ':')
                {
                    throw Fail("expected ':' after a property name");
                }

                _pos++;
                SkipSpace();
                result[key] = ReadValue(depth + 1);
                SkipSpace();
                var c = Peek();
                _pos++;
                if (c == '}')
                {
                    return result;
                }

                if (c != ',')
                {
                    _pos--;
                    throw Fail("expected ',' or '}'");
                }
            }
        }

        private List<object?> ReadArray(int depth)
        {
            var result = new List<object?>();
            _pos++;
            SkipSpace();
            if (Peek() == ']')
            {
                _pos++;
                return result;
            }

            while (true)
            {
                SkipSpace();
                result.Add(ReadValue(depth + 1));
                SkipSpace();
                var c = Peek();
                _pos++;
                if (c == ']')
                {
                    return result;
                }

                if (c != ',')
                {
                    _pos--;
                    throw Fail("expected ',' or ']'");
                }
            }
        }

        private string ReadString()
        {
            var builder = new StringBuilder();
            _pos++;
            while (_pos < _text.Length)
            {
                var c = _text[_pos++];
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                if (_pos >= _text.Length)
                {
                    break;
                }

                var e = _text[_pos++];
                switch (e)
                {
                    case 'n': builder.Append('\n'); break;
                    case 't': builder.Append('\t'); break;
                    case 'r': builder.Append('\r'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'u' when _pos + 4 <= _text.Length
                        && int.TryParse(_text.Substring(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                        builder.Append((char)code);
                        _pos += 4;
                        break;
                    case '"':
                    case '\\':
                    case '/':
                        builder.Append(e);
                        break;
                    default:
                        _pos--;
                        throw Fail("invalid escape in a string");
                }
            }

            throw Fail("unterminated string");
        }

        private double ReadNumber()
        {
            var start = _pos;
            while (_pos < _text.Length && "+-0123456789.eE".IndexOf(_text[_pos]) >= 0)
            {
                _pos++;
            }

            if (start == _pos || !double.TryParse(_text.Substring(start, _pos - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                _pos = start;
                throw Fail("expected a value");
            }

            return number;
        }

        private void Expect(string word)
        {
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0)
            {
                throw Fail("expected a value");
            }

            _pos += word.Length;
        }

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private void SkipSpace()
        {
            while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
            {
                _pos++;
            }
        }

        private FormatException Fail(string message)
        {
            var line = 1;
            var column = 1;
            for (var i = 0; i < _pos && i < _text.Length; i++)
            {
                if (_text[i] == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }
            }

            return new FormatException($"line {line}, column {column}: {message}");
        }
    }
}
