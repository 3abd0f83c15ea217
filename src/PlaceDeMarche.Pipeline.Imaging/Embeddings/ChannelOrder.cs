namespace PlaceDeMarche.Pipeline.Imaging.Embeddings;

/// <summary>The order of the colour planes a model was trained on.</summary>
public enum ChannelOrder
{
    /// <summary>Red, green, blue (torchvision and ONNX Model Zoo models).</summary>
    Rgb,

    /// <summary>Blue, green, red (Caffe and OpenCV-trained models).</summary>
    Bgr,
}
