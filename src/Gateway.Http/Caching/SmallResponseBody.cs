using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace Gateway.Http.Caching;

/// <summary>
/// The response body between the application and the compression middleware: holds a compressible response's first
/// bytes until they reach <see cref="SizeAwareCompressionProvider.MinimumSize"/>. A response that ends below it is sent
/// with its <c>Content-Length</c>, which the compression provider then declines; a longer one, one whose length or
/// type already says how it goes, or one the application unbuffers on purpose (an event stream) passes through as
/// written. A flush or start while holding sends nothing (serializers flush when they are done): the few bytes leave
/// when the response ends. A held response still gets <c>Vary: Accept-Encoding</c>, as the compressed ones do.
/// </summary>
internal sealed class SmallResponseBody(IHttpResponseBodyFeature inner, HttpContext context, IResponseCompressionProvider compression)
    : Stream, IHttpResponseBodyFeature
{
    private byte[]? _held;
    private int _count;
    private bool? _holding;
    private PipeWriter? _writer;

    Stream IHttpResponseBodyFeature.Stream => this;

    public PipeWriter Writer => _writer ??= PipeWriter.Create(this, new StreamPipeWriterOptions(leaveOpen: true));

    public override bool CanRead => false;

    /// <summary>
    /// While nothing has left, the body can be emptied: <c>HttpResponse.Clear()</c> (an exception handler replacing a
    /// failed response) then drops what was held instead of sending it ahead of the error.
    /// </summary>
    public override bool CanSeek => _holding != false;

    public override bool CanWrite => true;

    public override long Length => CanSeek ? _count : throw new NotSupportedException();

    public override long Position
    {
        get => Length;
        set => throw new NotSupportedException();
    }

    public void DisableBuffering()
    {
        _holding = false;
        inner.DisableBuffering();
    }

    /// <summary>
    /// Held like a flush: <c>HttpResponse.WriteAsync(string)</c> starts every response it writes. An application that
    /// streams says so with <see cref="DisableBuffering"/>.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Holds())
        {
            return;
        }

        await ReleaseAsync(cancellationToken).ConfigureAwait(false);
        await inner.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        await ReleaseAsync(cancellationToken).ConfigureAwait(false);
        await inner.SendFileAsync(path, offset, count, cancellationToken).ConfigureAwait(false);
    }

    public async Task CompleteAsync()
    {
        await FinishAsync().ConfigureAwait(false);
        await inner.CompleteAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// The application is done: what it wrote to <see cref="Writer"/> comes through, and a response still held is sent
    /// with its <c>Content-Length</c> (so uncompressed). Called once the application returns; harmless twice.
    /// </summary>
    public async Task FinishAsync()
    {
        if (_writer is not null)
        {
            await _writer.CompleteAsync().ConfigureAwait(false);
        }

        if (_holding == true && _count > 0 && !context.Response.HasStarted)
        {
            context.Response.ContentLength = _count;
            // Longer, it would have been compressed: its encoding still depends on Accept-Encoding, as for the others.
            if (!context.Response.Headers.Vary.Any(value => value?.Contains(HeaderNames.AcceptEncoding, StringComparison.OrdinalIgnoreCase) == true))
            {
                context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
            }
        }

        await ReleaseAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Gives the held buffer back; the body is not used after this.</summary>
    public void ReturnBuffer()
    {
        if (_held is { } held)
        {
            _held = null;
            ArrayPool<byte>.Shared.Return(held);
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (TryHold(buffer.Span))
        {
            return;
        }

        await ReleaseAsync(cancellationToken).ConfigureAwait(false);
        await inner.Stream.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (TryHold(buffer))
        {
            return;
        }

        // Synchronous writes are what the server allows (Kestrel: none unless AllowSynchronousIO).
        Release();
        inner.Stream.Write(buffer);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_holding != true)
        {
            await ReleaseAsync(cancellationToken).ConfigureAwait(false);
            await inner.Stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public override void Flush()
    {
        if (_holding != true)
        {
            Release();
            inner.Stream.Flush();
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) =>
        _count = CanSeek && value >= 0 && value <= _count ? (int)value : throw new NotSupportedException();

    /// <summary>
    /// Whether the response is being held. Decided at its first write or start, when the application has set the
    /// headers: only what would be compressed and has no declared length is held (the provider decides those by their
    /// Content-Length as they are).
    /// </summary>
    private bool Holds() =>
        _holding ??= context.Response.ContentLength is null && compression.ShouldCompressResponse(context);

    /// <summary>Keeps <paramref name="bytes"/> back if the response is one to hold and stays below the minimum size with them.</summary>
    private bool TryHold(ReadOnlySpan<byte> bytes)
    {
        if (!Holds() || _count + bytes.Length >= SizeAwareCompressionProvider.MinimumSize)
        {
            return false;
        }

        _held ??= ArrayPool<byte>.Shared.Rent(SizeAwareCompressionProvider.MinimumSize);
        bytes.CopyTo(_held.AsSpan(_count));
        _count += bytes.Length;
        return true;
    }

    /// <summary>Stops holding and sends what was held, synchronously.</summary>
    private void Release()
    {
        _holding = false;
        if (_count > 0)
        {
            var count = _count;
            _count = 0;
            inner.Stream.Write(_held.AsSpan(0, count));
        }
    }

    /// <summary>Stops holding and sends what was held.</summary>
    private async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        _holding = false;
        if (_count > 0)
        {
            var count = _count;
            _count = 0;
            await inner.Stream.WriteAsync(_held.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
        }
    }
}
