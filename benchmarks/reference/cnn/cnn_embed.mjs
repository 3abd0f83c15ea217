// Reference peer of the ImageCnn stages (see benchmarks/README.md): embeds every JPEG of a folder with the same ONNX
// model and the same input recipe, through onnxruntime-node and the pure-JavaScript decoder jpeg-js.
//   node cnn_embed.mjs <images-dir> <mobilenetv2|resnet18> <model.onnx> <preprocess.onnx|-> <out-prefix> [pad] [flip]
// pad: the whole photo, longer side to 224, centred on white (else shorter side to the recipe's size, centre crop);
// flip: the embedding is the mean of the photo's and its mirror image's (as images.cnn.*.fit / flip_average).
// Writes <out-prefix>.ids (one file name per line, sorted) and <out-prefix>.f32 (raw float32 rows, little endian).
import fs from 'node:fs';
import path from 'node:path';
import jpeg from 'jpeg-js';
import ort from 'onnxruntime-node';

const recipes = {
  mobilenetv2: { input: 'input', output: 'features', shorter: 256, crop: 224, divisor: 255, mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225], batch: 16 },
  resnet18: { input: 'Input247', output: 'Pooling395_Output_0', shorter: 224, crop: 224, divisor: 1, mean: [0, 0, 0], std: [1, 1, 1], batch: 1, fixedBatch: true },
};

const [imagesDir, kind, modelPath, preprocessPath, outPrefix, ...flags] = process.argv.slice(2);
const pad = flags.includes('pad');
const flip = flags.includes('flip');
const recipe = recipes[kind];
if (!recipe || !outPrefix) {
  console.error('usage: node cnn_embed.mjs <images-dir> <mobilenetv2|resnet18> <model.onnx> <preprocess.onnx|-> <out-prefix>');
  process.exit(2);
}

// Area resampling (OpenCV INTER_AREA when shrinking): each output sample averages the source interval it covers,
// partial pixels weighted by their overlap; one axis at a time.
function areaWeights(source, target) {
  const scale = source / target;
  const taps = [];
  for (let i = 0; i < target; i++) {
    const start = i * scale;
    const end = start + scale;
    const row = [];
    for (let s = Math.floor(start); s < Math.min(Math.ceil(end), source); s++) {
      const overlap = Math.min(end, s + 1) - Math.max(start, s);
      if (overlap > 1e-9) row.push([s, overlap / scale]);
    }
    taps.push(row);
  }
  return taps;
}

function resizeArea(rgb, width, height, newWidth, newHeight) {
  const horizontal = areaWeights(width, newWidth);
  const vertical = areaWeights(height, newHeight);
  const temp = new Float32Array(height * newWidth * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < newWidth; x++) {
      let r = 0, g = 0, b = 0;
      for (const [s, w] of horizontal[x]) {
        const i = (y * width + s) * 3;
        r += w * rgb[i]; g += w * rgb[i + 1]; b += w * rgb[i + 2];
      }
      const o = (y * newWidth + x) * 3;
      temp[o] = r; temp[o + 1] = g; temp[o + 2] = b;
    }
  }
  const out = new Uint8Array(newWidth * newHeight * 3);
  for (let y = 0; y < newHeight; y++) {
    for (let x = 0; x < newWidth * 3; x++) {
      let v = 0;
      for (const [s, w] of vertical[y]) v += w * temp[s * newWidth * 3 + x];
      out[y * newWidth * 3 + x] = Math.min(255, Math.max(0, Math.round(v)));
    }
  }
  return out;
}

function size(width, height) {
  const n = recipe.crop;
  if (pad) {
    return width >= height
      ? [n, Math.min(n, Math.max(1, Math.round(height * n / width)))]
      : [Math.min(n, Math.max(1, Math.round(width * n / height))), n];
  }
  const s = recipe.shorter;
  return width <= height ? [s, Math.max(s, Math.floor(height * s / width))] : [Math.max(s, Math.floor(width * s / height)), s];
}

function fill(rgb, w, h, tensor, offset, mirrored) {
  const n = recipe.crop;
  const plane = n * n;
  const normalise = (v, c) => (v / recipe.divisor - recipe.mean[c]) / recipe.std[c];
  if (pad) {
    for (let c = 0; c < 3; c++) tensor.fill(normalise(255, c), offset + c * plane, offset + (c + 1) * plane);
  }
  // Crop: the window's start in the photo; pad: minus the photo's start in the square (truncated as C#'s / does).
  const left = Math.trunc((w - n) / 2);
  const top = Math.trunc((h - n) / 2);
  const columns = Math.min(w, n);
  const rows = Math.min(h, n);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      const s = ((Math.max(top, 0) + y) * w + Math.max(left, 0) + (mirrored ? columns - 1 - x : x)) * 3;
      const d = (y + Math.max(-top, 0)) * n + x + Math.max(-left, 0);
      for (let c = 0; c < 3; c++) tensor[offset + c * plane + d] = normalise(rgb[s + c], c);
    }
  }
}

const options = { intraOpNumThreads: 2, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all' };
const session = await ort.InferenceSession.create(modelPath, options);
const preprocess = preprocessPath !== '-' ? await ort.InferenceSession.create(preprocessPath, options) : null;
const files = fs.readdirSync(imagesDir).filter(f => f.toLowerCase().endsWith('.jpg')).sort();
const length = 3 * recipe.crop * recipe.crop;
const perPhoto = flip ? 2 : 1;
// As ours: `batch` photos (and their mirror images) per call, except for a graph whose batch is fixed, which gets
// exactly that many tensors per call (ResNet18: one, so two calls per photo with flip).
const photosPerCall = recipe.fixedBatch ? Math.max(1, Math.floor(recipe.batch / perPhoto)) : recipe.batch;
const rows = [];

async function infer(tensor, count) {
  let input = new ort.Tensor('float32', tensor, [count, 3, recipe.crop, recipe.crop]);
  if (preprocess) {
    const prepared = await preprocess.run({ [preprocess.inputNames[0]]: input });
    input = prepared[preprocess.outputNames[0]];
  }
  const result = await session.run({ [recipe.input]: input }, [recipe.output]);
  return Float32Array.from(result[recipe.output].data);
}

for (let start = 0; start < files.length; start += photosPerCall) {
  const batch = files.slice(start, start + photosPerCall);
  const tensor = new Float32Array(batch.length * perPhoto * length);
  batch.forEach((file, i) => {
    const image = jpeg.decode(fs.readFileSync(path.join(imagesDir, file)), { useTArray: true, formatAsRGBA: false, maxMemoryUsageInMB: 2048 });
    const [w, h] = size(image.width, image.height);
    const rgb = w === image.width && h === image.height ? image.data : resizeArea(image.data, image.width, image.height, w, h);
    fill(rgb, w, h, tensor, i * perPhoto * length, false);
    if (flip) fill(rgb, w, h, tensor, (i * perPhoto + 1) * length, true);
  });
  const count = batch.length * perPhoto;
  let output;
  if (!recipe.fixedBatch || recipe.batch >= count) {
    output = await infer(tensor, count);
  } else {
    const parts = [];
    for (let t = 0; t < count; t += recipe.batch) parts.push(await infer(tensor.subarray(t * length, (t + recipe.batch) * length), recipe.batch));
    output = Float32Array.from(parts.flatMap(p => Array.from(p)));
  }
  const features = output.length / count;
  for (let i = 0; i < batch.length; i++) {
    const row = output.slice(i * perPhoto * features, (i * perPhoto + 1) * features);
    if (flip) {
      const mirrored = output.subarray((i * perPhoto + 1) * features, (i * perPhoto + 2) * features);
      for (let j = 0; j < features; j++) row[j] = (row[j] + mirrored[j]) * 0.5;
    }
    rows.push(row);
  }
}

const features = Buffer.concat(rows.map(r => Buffer.from(r.buffer, r.byteOffset, r.byteLength)));
fs.writeFileSync(`${outPrefix}.f32`, features);
fs.writeFileSync(`${outPrefix}.ids`, files.join('\n') + '\n');
console.log(`${files.length} photos, ${features.length / 4 / files.length} floats each, ${kind}`);
