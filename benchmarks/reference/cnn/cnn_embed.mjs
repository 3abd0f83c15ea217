// Reference peer of the ImageCnn stages (see benchmarks/README.md): embeds every JPEG of a folder with the same ONNX
// model and the same input recipe, through onnxruntime-node and the pure-JavaScript decoder jpeg-js.
//   node cnn_embed.mjs <images-dir> <mobilenetv2|resnet18> <model.onnx> <preprocess.onnx|-> <out-prefix>
// Writes <out-prefix>.ids (one file name per line, sorted) and <out-prefix>.f32 (raw float32 rows, little endian).
import fs from 'node:fs';
import path from 'node:path';
import jpeg from 'jpeg-js';
import ort from 'onnxruntime-node';

const recipes = {
  mobilenetv2: { input: 'input', output: 'features', shorter: 256, crop: 224, divisor: 255, mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225], batch: 16 },
  resnet18: { input: 'Input247', output: 'Pooling395_Output_0', shorter: 224, crop: 224, divisor: 1, mean: [0, 0, 0], std: [1, 1, 1], batch: 1 },
};

const [imagesDir, kind, modelPath, preprocessPath, outPrefix] = process.argv.slice(2);
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

function fill(image, tensor, offset) {
  const { width, height, data } = image;
  const [w, h] = width <= height
    ? [recipe.shorter, Math.max(recipe.shorter, Math.floor(height * recipe.shorter / width))]
    : [Math.max(recipe.shorter, Math.floor(width * recipe.shorter / height)), recipe.shorter];
  const rgb = resizeArea(data, width, height, w, h);
  const left = Math.floor((w - recipe.crop) / 2);
  const top = Math.floor((h - recipe.crop) / 2);
  const plane = recipe.crop * recipe.crop;
  for (let y = 0; y < recipe.crop; y++) {
    for (let x = 0; x < recipe.crop; x++) {
      const s = ((top + y) * w + left + x) * 3;
      for (let c = 0; c < 3; c++) {
        tensor[offset + c * plane + y * recipe.crop + x] = (rgb[s + c] / recipe.divisor - recipe.mean[c]) / recipe.std[c];
      }
    }
  }
}

const options = { intraOpNumThreads: 2, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all' };
const session = await ort.InferenceSession.create(modelPath, options);
const preprocess = preprocessPath !== '-' ? await ort.InferenceSession.create(preprocessPath, options) : null;
const files = fs.readdirSync(imagesDir).filter(f => f.toLowerCase().endsWith('.jpg')).sort();
const length = 3 * recipe.crop * recipe.crop;
const rows = [];
for (let start = 0; start < files.length; start += recipe.batch) {
  const batch = files.slice(start, start + recipe.batch);
  const tensor = new Float32Array(batch.length * length);
  batch.forEach((file, i) => {
    const image = jpeg.decode(fs.readFileSync(path.join(imagesDir, file)), { useTArray: true, formatAsRGBA: false, maxMemoryUsageInMB: 2048 });
    fill(image, tensor, i * length);
  });
  let input = new ort.Tensor('float32', tensor, [batch.length, 3, recipe.crop, recipe.crop]);
  if (preprocess) {
    const prepared = await preprocess.run({ [preprocess.inputNames[0]]: input });
    input = prepared[preprocess.outputNames[0]];
  }
  const result = await session.run({ [recipe.input]: input }, [recipe.output]);
  rows.push(Float32Array.from(result[recipe.output].data));
}

const features = Buffer.concat(rows.map(r => Buffer.from(r.buffer, r.byteOffset, r.byteLength)));
fs.writeFileSync(`${outPrefix}.f32`, features);
fs.writeFileSync(`${outPrefix}.ids`, files.join('\n') + '\n');
console.log(`${files.length} photos, ${features.length / 4 / files.length} floats each, ${kind}`);
