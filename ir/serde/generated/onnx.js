/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $Array = $util.global.Array, $BigInt = $util.global.BigInt, $isFinite = $util.global.isFinite;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const onnx = $root.onnx = (() => {

    /**
     * Namespace onnx.
     * @exports onnx
     * @namespace
     */
    const onnx = {};

    /**
     * Version enum.
     * @name onnx.Version
     * @enum {number}
     * @property {number} _START_VERSION=0 _START_VERSION value
     * @property {number} IR_VERSION_2017_10_10=1 IR_VERSION_2017_10_10 value
     * @property {number} IR_VERSION_2017_10_30=2 IR_VERSION_2017_10_30 value
     * @property {number} IR_VERSION_2017_11_3=3 IR_VERSION_2017_11_3 value
     * @property {number} IR_VERSION_2019_1_22=4 IR_VERSION_2019_1_22 value
     * @property {number} IR_VERSION_2019_3_18=5 IR_VERSION_2019_3_18 value
     * @property {number} IR_VERSION_2019_9_19=6 IR_VERSION_2019_9_19 value
     * @property {number} IR_VERSION_2020_5_8=7 IR_VERSION_2020_5_8 value
     * @property {number} IR_VERSION_2021_7_30=8 IR_VERSION_2021_7_30 value
     * @property {number} IR_VERSION_2023_5_5=9 IR_VERSION_2023_5_5 value
     * @property {number} IR_VERSION_2024_3_25=10 IR_VERSION_2024_3_25 value
     * @property {number} IR_VERSION_2025_05_12=11 IR_VERSION_2025_05_12 value
     * @property {number} IR_VERSION_2025_08_26=12 IR_VERSION_2025_08_26 value
     * @property {number} IR_VERSION_2025_11_06=13 IR_VERSION_2025_11_06 value
     * @property {number} IR_VERSION=14 IR_VERSION value
     */
    onnx.Version = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "_START_VERSION"] = 0;
        values[valuesById[1] = "IR_VERSION_2017_10_10"] = 1;
        values[valuesById[2] = "IR_VERSION_2017_10_30"] = 2;
        values[valuesById[3] = "IR_VERSION_2017_11_3"] = 3;
        values[valuesById[4] = "IR_VERSION_2019_1_22"] = 4;
        values[valuesById[5] = "IR_VERSION_2019_3_18"] = 5;
        values[valuesById[6] = "IR_VERSION_2019_9_19"] = 6;
        values[valuesById[7] = "IR_VERSION_2020_5_8"] = 7;
        values[valuesById[8] = "IR_VERSION_2021_7_30"] = 8;
        values[valuesById[9] = "IR_VERSION_2023_5_5"] = 9;
        values[valuesById[10] = "IR_VERSION_2024_3_25"] = 10;
        values[valuesById[11] = "IR_VERSION_2025_05_12"] = 11;
        values[valuesById[12] = "IR_VERSION_2025_08_26"] = 12;
        values[valuesById[13] = "IR_VERSION_2025_11_06"] = 13;
        values[valuesById[14] = "IR_VERSION"] = 14;
        return values;
    })();

    onnx.AttributeProto = (function() {

        /**
         * Properties of an AttributeProto.
         * @typedef {Object} onnx.AttributeProto.$Properties
         * @property {string|null} [name] AttributeProto name
         * @property {string|null} [refAttrName] AttributeProto refAttrName
         * @property {string|null} [docString] AttributeProto docString
         * @property {onnx.AttributeProto.AttributeType|null} [type] AttributeProto type
         * @property {number|null} [f] AttributeProto f
         * @property {number|Long|null} [i] AttributeProto i
         * @property {Uint8Array|null} [s] AttributeProto s
         * @property {onnx.TensorProto.$Properties|null} [t] AttributeProto t
         * @property {onnx.GraphProto.$Properties|null} [g] AttributeProto g
         * @property {onnx.SparseTensorProto.$Properties|null} [sparseTensor] AttributeProto sparseTensor
         * @property {onnx.TypeProto.$Properties|null} [tp] AttributeProto tp
         * @property {Array.<number>|null} [floats] AttributeProto floats
         * @property {Array.<number|Long>|null} [ints] AttributeProto ints
         * @property {Array.<Uint8Array>|null} [strings] AttributeProto strings
         * @property {Array.<onnx.TensorProto.$Properties>|null} [tensors] AttributeProto tensors
         * @property {Array.<onnx.GraphProto.$Properties>|null} [graphs] AttributeProto graphs
         * @property {Array.<onnx.SparseTensorProto.$Properties>|null} [sparseTensors] AttributeProto sparseTensors
         * @property {Array.<onnx.TypeProto.$Properties>|null} [typeProtos] AttributeProto typeProtos
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an AttributeProto.
         * @memberof onnx
         * @interface IAttributeProto
         * @augments onnx.AttributeProto.$Properties
         * @deprecated Use onnx.AttributeProto.$Properties instead.
         */

        /**
         * Shape of an AttributeProto.
         * @typedef {{
         *   name?: string|null;
         *   refAttrName?: string|null;
         *   docString?: string|null;
         *   type?: onnx.AttributeProto.AttributeType|null;
         *   f?: number|null;
         *   i?: number|Long|null;
         *   s?: Uint8Array|null;
         *   t?: onnx.TensorProto.$Shape|null;
         *   g?: onnx.GraphProto.$Shape|null;
         *   sparseTensor?: onnx.SparseTensorProto.$Shape|null;
         *   tp?: onnx.TypeProto.$Shape|null;
         *   floats?: Array.<number>|null;
         *   ints?: Array.<number|Long>|null;
         *   strings?: Array.<Uint8Array>|null;
         *   tensors?: Array.<onnx.TensorProto.$Shape>|null;
         *   graphs?: Array.<onnx.GraphProto.$Shape>|null;
         *   sparseTensors?: Array.<onnx.SparseTensorProto.$Shape>|null;
         *   typeProtos?: Array.<onnx.TypeProto.$Shape>|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} onnx.AttributeProto.$Shape
         */

        /**
         * Constructs a new AttributeProto.
         * @memberof onnx
         * @classdesc Represents an AttributeProto.
         * @constructor
         * @param {onnx.AttributeProto.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const AttributeProto = function (p) {
            this.floats = [];
            this.ints = [];
            this.strings = [];
            this.tensors = [];
            this.graphs = [];
            this.sparseTensors = [];
            this.typeProtos = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * AttributeProto name.
         * @member {string} name
         * @memberof onnx.AttributeProto
         * @instance
         */
        AttributeProto.prototype.name = "";

        /**
         * AttributeProto refAttrName.
         * @member {string} refAttrName
         * @memberof onnx.AttributeProto
         * @instance
         */
        AttributeProto.prototype.refAttrName = "";

        /**
         * AttributeProto docString.
         * @member {string} docString
         * @memberof onnx.AttributeProto
         * @instance
         */
        AttributeProto.prototype.docString = "";

        /**
         * AttributeProto type.
         * @member {onnx.AttributeProto.AttributeType} type
         * @memberof onnx.AttributeProto
         * @instance
         */
        AttributeProto.prototype.type = 0;

        /**
         * AttributeProto f.
         * @member {number} f
         * @memberof onnx.AttributeProto
         * @instance
         */
        AttributeProto.prototype.f = 0;

        /**
         * AttributeProto i.
         * @member {number|Long} i
         * @memberof onnx.AttributeProto
         * @instance
         */
        AttributeProto.prototype.i = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * AttributeProto s.
         * @member {Uint8Array} s
         * @memberof onnx.AttributeProto
         * @instance
         */
        AttributeProto.prototype.s = $util.newBuffer([]);

        /**
         * AttributeProto t.
         * @member {onnx.TensorProto.$Properties|null|undefined} t
         * @memberof onnx.AttributeProto
         * @instance
         */
        AttributeProto.prototype.t = null;

        /**
         * AttributeProto g.
         * @member {onnx.GraphProto.$Properties|null|undefined} g
         * @memberof onnx.AttributeProto
         * @instance
         */
        AttributeProto.prototype.g = null;

        /**
         * AttributeProto sparseTensor.
         * @member {onnx.SparseTensorProto.$Properties|null|undefined} sparseTensor
         * @memberof onnx.AttributeProto
         * @instance
         */
        AttributeProto.prototype.sparseTensor = null;

        /**
         * AttributeProto tp.
         * @member {onnx.TypeProto.$Properties|null|undefined} tp
         * @memberof onnx.AttributeProto
         * @instance
         */
        AttributeProto.prototype.tp = null;

        /**
         * AttributeProto floats.
         * @member {Array.<number>} floats
         * @memberof onnx.AttributeProto
         * @instance
         */
        AttributeProto.prototype.floats = $util.emptyArray;

        /**
         * AttributeProto ints.
         * @member {Array.<number|Long>} ints
         * @memberof onnx.AttributeProto
         * @instance
         */
        AttributeProto.prototype.ints = $util.emptyArray;

        /**
         * AttributeProto strings.
         * @member {Array.<Uint8Array>} strings
         * @memberof onnx.AttributeProto
         * @instance
         */
        AttributeProto.prototype.strings = $util.emptyArray;

        /**
         * AttributeProto tensors.
         * @member {Array.<onnx.TensorProto.$Properties>} tensors
         * @memberof onnx.AttributeProto
         * @instance
         */
        AttributeProto.prototype.tensors = $util.emptyArray;

        /**
         * AttributeProto graphs.
         * @member {Array.<onnx.GraphProto.$Properties>} graphs
         * @memberof onnx.AttributeProto
         * @instance
         */
        AttributeProto.prototype.graphs = $util.emptyArray;

        /**
         * AttributeProto sparseTensors.
         * @member {Array.<onnx.SparseTensorProto.$Properties>} sparseTensors
         * @memberof onnx.AttributeProto
         * @instance
         */
        AttributeProto.prototype.sparseTensors = $util.emptyArray;

        /**
         * AttributeProto typeProtos.
         * @member {Array.<onnx.TypeProto.$Properties>} typeProtos
         * @memberof onnx.AttributeProto
         * @instance
         */
        AttributeProto.prototype.typeProtos = $util.emptyArray;

        /**
         * Creates a new AttributeProto instance using the specified properties.
         * @function create
         * @memberof onnx.AttributeProto
         * @static
         * @param {onnx.AttributeProto.$Properties=} [properties] Properties to set
         * @returns {onnx.AttributeProto} AttributeProto instance
         * @type {{
         *   (properties: onnx.AttributeProto.$Shape): onnx.AttributeProto & onnx.AttributeProto.$Shape;
         *   (properties?: onnx.AttributeProto.$Properties): onnx.AttributeProto;
         * }}
         */
        AttributeProto.create = function(properties) {
            return new AttributeProto(properties);
        };

        /**
         * Encodes the specified AttributeProto message. Does not implicitly {@link onnx.AttributeProto.verify|verify} messages.
         * @function encode
         * @memberof onnx.AttributeProto
         * @static
         * @param {onnx.AttributeProto.$Properties} m AttributeProto message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        AttributeProto.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.name != null && $Object.hasOwnProperty.call(m, "name"))
                w.uint32(/* id 1, wireType 2 =*/10).string(m.name);
            if (m.f != null && $Object.hasOwnProperty.call(m, "f"))
                w.uint32(/* id 2, wireType 5 =*/21).float(m.f);
            if (m.i != null && $Object.hasOwnProperty.call(m, "i"))
                w.uint32(/* id 3, wireType 0 =*/24).int64(m.i);
            if (m.s != null && $Object.hasOwnProperty.call(m, "s"))
                w.uint32(/* id 4, wireType 2 =*/34).bytes(m.s);
            if (m.t != null && $Object.hasOwnProperty.call(m, "t"))
                $root.onnx.TensorProto.encode(m.t, w.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
            if (m.g != null && $Object.hasOwnProperty.call(m, "g"))
                $root.onnx.GraphProto.encode(m.g, w.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
            if (m.floats != null && m.floats.length) {
                for (var i = 0; i < m.floats.length; ++i)
                    w.uint32(/* id 7, wireType 5 =*/61).float(m.floats[i]);
            }
            if (m.ints != null && m.ints.length) {
                for (var i = 0; i < m.ints.length; ++i)
                    w.uint32(/* id 8, wireType 0 =*/64).int64(m.ints[i]);
            }
            if (m.strings != null && m.strings.length) {
                for (var i = 0; i < m.strings.length; ++i)
                    w.uint32(/* id 9, wireType 2 =*/74).bytes(m.strings[i]);
            }
            if (m.tensors != null && m.tensors.length) {
                for (var i = 0; i < m.tensors.length; ++i)
                    $root.onnx.TensorProto.encode(m.tensors[i], w.uint32(/* id 10, wireType 2 =*/82).fork(), q + 1).ldelim();
            }
            if (m.graphs != null && m.graphs.length) {
                for (var i = 0; i < m.graphs.length; ++i)
                    $root.onnx.GraphProto.encode(m.graphs[i], w.uint32(/* id 11, wireType 2 =*/90).fork(), q + 1).ldelim();
            }
            if (m.docString != null && $Object.hasOwnProperty.call(m, "docString"))
                w.uint32(/* id 13, wireType 2 =*/106).string(m.docString);
            if (m.tp != null && $Object.hasOwnProperty.call(m, "tp"))
                $root.onnx.TypeProto.encode(m.tp, w.uint32(/* id 14, wireType 2 =*/114).fork(), q + 1).ldelim();
            if (m.typeProtos != null && m.typeProtos.length) {
                for (var i = 0; i < m.typeProtos.length; ++i)
                    $root.onnx.TypeProto.encode(m.typeProtos[i], w.uint32(/* id 15, wireType 2 =*/122).fork(), q + 1).ldelim();
            }
            if (m.type != null && $Object.hasOwnProperty.call(m, "type"))
                w.uint32(/* id 20, wireType 0 =*/160).int32(m.type);
            if (m.refAttrName != null && $Object.hasOwnProperty.call(m, "refAttrName"))
                w.uint32(/* id 21, wireType 2 =*/170).string(m.refAttrName);
            if (m.sparseTensor != null && $Object.hasOwnProperty.call(m, "sparseTensor"))
                $root.onnx.SparseTensorProto.encode(m.sparseTensor, w.uint32(/* id 22, wireType 2 =*/178).fork(), q + 1).ldelim();
            if (m.sparseTensors != null && m.sparseTensors.length) {
                for (var i = 0; i < m.sparseTensors.length; ++i)
                    $root.onnx.SparseTensorProto.encode(m.sparseTensors[i], w.uint32(/* id 23, wireType 2 =*/186).fork(), q + 1).ldelim();
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes an AttributeProto message from the specified reader or buffer.
         * @function decode
         * @memberof onnx.AttributeProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {onnx.AttributeProto & onnx.AttributeProto.$Shape} AttributeProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        AttributeProto.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.onnx.AttributeProto();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        m.name = r.string();
                        continue;
                    }
                case 21: {
                        if (u !== 2)
                            break;
                        m.refAttrName = r.string();
                        continue;
                    }
                case 13: {
                        if (u !== 2)
                            break;
                        m.docString = r.string();
                        continue;
                    }
                case 20: {
                        if (u !== 0)
                            break;
                        v = r.int32();
                        if ($root.onnx.AttributeProto.AttributeType[v] !== $undefined) {
                            m.type = v;
                        } else if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                        continue;
                    }
                case 2: {
                        if (u !== 5)
                            break;
                        m.f = r.float();
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        m.i = r.int64();
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        m.s = r.bytes();
                        continue;
                    }
                case 5: {
                        if (u !== 2)
                            break;
                        m.t = $root.onnx.TensorProto.decode(r, r.size(), $undefined, q + 1, m.t);
                        continue;
                    }
                case 6: {
                        if (u !== 2)
                            break;
                        m.g = $root.onnx.GraphProto.decode(r, r.size(), $undefined, q + 1, m.g);
                        continue;
                    }
                case 22: {
                        if (u !== 2)
                            break;
                        m.sparseTensor = $root.onnx.SparseTensorProto.decode(r, r.size(), $undefined, q + 1, m.sparseTensor);
                        continue;
                    }
                case 14: {
                        if (u !== 2)
                            break;
                        m.tp = $root.onnx.TypeProto.decode(r, r.size(), $undefined, q + 1, m.tp);
                        continue;
                    }
                case 7: {
                        if (u === 2) {
                            if (!(m.floats && m.floats.length))
                                m.floats = [];
                            r.floats(m.floats);
                            continue;
                        }
                        if (u !== 5)
                            break;
                        if (!(m.floats && m.floats.length))
                            m.floats = [];
                        m.floats.push(r.float());
                        continue;
                    }
                case 8: {
                        if (u === 2) {
                            if (!(m.ints && m.ints.length))
                                m.ints = [];
                            r.int64s(m.ints);
                            continue;
                        }
                        if (u !== 0)
                            break;
                        if (!(m.ints && m.ints.length))
                            m.ints = [];
                        m.ints.push(r.int64());
                        continue;
                    }
                case 9: {
                        if (u !== 2)
                            break;
                        if (!(m.strings && m.strings.length))
                            m.strings = [];
                        m.strings.push(r.bytes());
                        continue;
                    }
                case 10: {
                        if (u !== 2)
                            break;
                        if (!(m.tensors && m.tensors.length))
                            m.tensors = [];
                        m.tensors.push($root.onnx.TensorProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 11: {
                        if (u !== 2)
                            break;
                        if (!(m.graphs && m.graphs.length))
                            m.graphs = [];
                        m.graphs.push($root.onnx.GraphProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 23: {
                        if (u !== 2)
                            break;
                        if (!(m.sparseTensors && m.sparseTensors.length))
                            m.sparseTensors = [];
                        m.sparseTensors.push($root.onnx.SparseTensorProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 15: {
                        if (u !== 2)
                            break;
                        if (!(m.typeProtos && m.typeProtos.length))
                            m.typeProtos = [];
                        m.typeProtos.push($root.onnx.TypeProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Creates an AttributeProto message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof onnx.AttributeProto
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {onnx.AttributeProto} AttributeProto
         */
        AttributeProto.fromObject = function (d, q) {
            if (d instanceof $root.onnx.AttributeProto)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".onnx.AttributeProto: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.onnx.AttributeProto();
            if (d.name != null) {
                m.name = $String(d.name);
            }
            if (d.refAttrName != null) {
                m.refAttrName = $String(d.refAttrName);
            }
            if (d.docString != null) {
                m.docString = $String(d.docString);
            }
            switch (d.type) {
            case "UNDEFINED":
            case 0:
                m.type = 0;
                break;
            case "FLOAT":
            case 1:
                m.type = 1;
                break;
            case "INT":
            case 2:
                m.type = 2;
                break;
            case "STRING":
            case 3:
                m.type = 3;
                break;
            case "TENSOR":
            case 4:
                m.type = 4;
                break;
            case "GRAPH":
            case 5:
                m.type = 5;
                break;
            case "SPARSE_TENSOR":
            case 11:
                m.type = 11;
                break;
            case "TYPE_PROTO":
            case 13:
                m.type = 13;
                break;
            case "FLOATS":
            case 6:
                m.type = 6;
                break;
            case "INTS":
            case 7:
                m.type = 7;
                break;
            case "STRINGS":
            case 8:
                m.type = 8;
                break;
            case "TENSORS":
            case 9:
                m.type = 9;
                break;
            case "GRAPHS":
            case 10:
                m.type = 10;
                break;
            case "SPARSE_TENSORS":
            case 12:
                m.type = 12;
                break;
            case "TYPE_PROTOS":
            case 14:
                m.type = 14;
                break;
            default:
            }
            if (d.f != null) {
                m.f = $Number(d.f);
            }
            if (d.i != null) {
                if ($util.Long)
                    m.i = $util.Long.fromValue(d.i, false);
                else if (typeof d.i === "string")
                    m.i = $parseInt(d.i, 10);
                else if (typeof d.i === "number")
                    m.i = d.i;
                else if (typeof d.i === "object")
                    m.i = new $util.LongBits(d.i.low >>> 0, d.i.high >>> 0).toNumber();
            }
            if (d.s != null) {
                if (typeof d.s === "string")
                    $util.base64.decode(d.s, m.s = $util.newBuffer($util.base64.length(d.s)), 0);
                else if (d.s.length >= 0)
                    m.s = d.s;
            }
            if (d.t != null) {
                if (!$util.isObject(d.t))
                    throw $TypeError(".onnx.AttributeProto.t: object expected");
                m.t = $root.onnx.TensorProto.fromObject(d.t, q + 1);
            }
            if (d.g != null) {
                if (!$util.isObject(d.g))
                    throw $TypeError(".onnx.AttributeProto.g: object expected");
                m.g = $root.onnx.GraphProto.fromObject(d.g, q + 1);
            }
            if (d.sparseTensor != null) {
                if (!$util.isObject(d.sparseTensor))
                    throw $TypeError(".onnx.AttributeProto.sparseTensor: object expected");
                m.sparseTensor = $root.onnx.SparseTensorProto.fromObject(d.sparseTensor, q + 1);
            }
            if (d.tp != null) {
                if (!$util.isObject(d.tp))
                    throw $TypeError(".onnx.AttributeProto.tp: object expected");
                m.tp = $root.onnx.TypeProto.fromObject(d.tp, q + 1);
            }
            if (d.floats) {
                if (!$Array.isArray(d.floats))
                    throw $TypeError(".onnx.AttributeProto.floats: array expected");
                m.floats = $Array(d.floats.length);
                for (var i = 0; i < d.floats.length; ++i) {
                    m.floats[i] = $Number(d.floats[i]);
                }
            }
            if (d.ints) {
                if (!$Array.isArray(d.ints))
                    throw $TypeError(".onnx.AttributeProto.ints: array expected");
                m.ints = $Array(d.ints.length);
                for (var i = 0; i < d.ints.length; ++i) {
                    if ($util.Long)
                        m.ints[i] = $util.Long.fromValue(d.ints[i], false);
                    else if (typeof d.ints[i] === "string")
                        m.ints[i] = $parseInt(d.ints[i], 10);
                    else if (typeof d.ints[i] === "number")
                        m.ints[i] = d.ints[i];
                    else if (typeof d.ints[i] === "object")
                        m.ints[i] = new $util.LongBits(d.ints[i].low >>> 0, d.ints[i].high >>> 0).toNumber();
                }
            }
            if (d.strings) {
                if (!$Array.isArray(d.strings))
                    throw $TypeError(".onnx.AttributeProto.strings: array expected");
                m.strings = $Array(d.strings.length);
                for (var i = 0; i < d.strings.length; ++i) {
                    if (typeof d.strings[i] === "string")
                        $util.base64.decode(d.strings[i], m.strings[i] = $util.newBuffer($util.base64.length(d.strings[i])), 0);
                    else if (d.strings[i].length >= 0)
                        m.strings[i] = d.strings[i];
                }
            }
            if (d.tensors) {
                if (!$Array.isArray(d.tensors))
                    throw $TypeError(".onnx.AttributeProto.tensors: array expected");
                m.tensors = $Array(d.tensors.length);
                for (var i = 0; i < d.tensors.length; ++i) {
                    if (!$util.isObject(d.tensors[i]))
                        throw $TypeError(".onnx.AttributeProto.tensors: object expected");
                    m.tensors[i] = $root.onnx.TensorProto.fromObject(d.tensors[i], q + 1);
                }
            }
            if (d.graphs) {
                if (!$Array.isArray(d.graphs))
                    throw $TypeError(".onnx.AttributeProto.graphs: array expected");
                m.graphs = $Array(d.graphs.length);
                for (var i = 0; i < d.graphs.length; ++i) {
                    if (!$util.isObject(d.graphs[i]))
                        throw $TypeError(".onnx.AttributeProto.graphs: object expected");
                    m.graphs[i] = $root.onnx.GraphProto.fromObject(d.graphs[i], q + 1);
                }
            }
            if (d.sparseTensors) {
                if (!$Array.isArray(d.sparseTensors))
                    throw $TypeError(".onnx.AttributeProto.sparseTensors: array expected");
                m.sparseTensors = $Array(d.sparseTensors.length);
                for (var i = 0; i < d.sparseTensors.length; ++i) {
                    if (!$util.isObject(d.sparseTensors[i]))
                        throw $TypeError(".onnx.AttributeProto.sparseTensors: object expected");
                    m.sparseTensors[i] = $root.onnx.SparseTensorProto.fromObject(d.sparseTensors[i], q + 1);
                }
            }
            if (d.typeProtos) {
                if (!$Array.isArray(d.typeProtos))
                    throw $TypeError(".onnx.AttributeProto.typeProtos: array expected");
                m.typeProtos = $Array(d.typeProtos.length);
                for (var i = 0; i < d.typeProtos.length; ++i) {
                    if (!$util.isObject(d.typeProtos[i]))
                        throw $TypeError(".onnx.AttributeProto.typeProtos: object expected");
                    m.typeProtos[i] = $root.onnx.TypeProto.fromObject(d.typeProtos[i], q + 1);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from an AttributeProto message. Also converts values to other types if specified.
         * @function toObject
         * @memberof onnx.AttributeProto
         * @static
         * @param {onnx.AttributeProto} m AttributeProto
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        AttributeProto.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.floats = [];
                d.ints = [];
                d.strings = [];
                d.tensors = [];
                d.graphs = [];
                d.typeProtos = [];
                d.sparseTensors = [];
            }
            if (o.defaults) {
                d.name = "";
                d.f = 0;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, false);
                    d.i = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.i = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                if (o.bytes === $String)
                    d.s = "";
                else {
                    d.s = [];
                    if (o.bytes !== $Array)
                        d.s = $util.newBuffer(d.s);
                }
                d.t = null;
                d.g = null;
                d.docString = "";
                d.tp = null;
                d.type = o.enums === $String ? "UNDEFINED" : 0;
                d.refAttrName = "";
                d.sparseTensor = null;
            }
            if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                d.name = m.name;
            }
            if (m.f != null && $Object.hasOwnProperty.call(m, "f")) {
                d.f = o.json && !$isFinite(m.f) ? $String(m.f) : m.f;
            }
            if (m.i != null && $Object.hasOwnProperty.call(m, "i")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.i = typeof m.i === "number" ? $BigInt(m.i) : $util.Long.fromBits(m.i.low >>> 0, m.i.high >>> 0, false).toBigInt();
                else if (typeof m.i === "number")
                    d.i = o.longs === $String ? $String(m.i) : m.i;
                else
                    d.i = o.longs === $String ? $util.Long.prototype.toString.call(m.i) : o.longs === $Number ? new $util.LongBits(m.i.low >>> 0, m.i.high >>> 0).toNumber() : m.i;
            }
            if (m.s != null && $Object.hasOwnProperty.call(m, "s")) {
                d.s = o.bytes === $String ? $util.base64.encode(m.s, 0, m.s.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.s) : m.s;
            }
            if (m.t != null && $Object.hasOwnProperty.call(m, "t")) {
                d.t = $root.onnx.TensorProto.toObject(m.t, o, q + 1);
            }
            if (m.g != null && $Object.hasOwnProperty.call(m, "g")) {
                d.g = $root.onnx.GraphProto.toObject(m.g, o, q + 1);
            }
            if (m.floats && m.floats.length) {
                d.floats = $Array(m.floats.length);
                for (var j = 0; j < m.floats.length; ++j) {
                    d.floats[j] = o.json && !$isFinite(m.floats[j]) ? $String(m.floats[j]) : m.floats[j];
                }
            }
            if (m.ints && m.ints.length) {
                d.ints = $Array(m.ints.length);
                for (var j = 0; j < m.ints.length; ++j) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.ints[j] = typeof m.ints[j] === "number" ? $BigInt(m.ints[j]) : $util.Long.fromBits(m.ints[j].low >>> 0, m.ints[j].high >>> 0, false).toBigInt();
                    else if (typeof m.ints[j] === "number")
                        d.ints[j] = o.longs === $String ? $String(m.ints[j]) : m.ints[j];
                    else
                        d.ints[j] = o.longs === $String ? $util.Long.prototype.toString.call(m.ints[j]) : o.longs === $Number ? new $util.LongBits(m.ints[j].low >>> 0, m.ints[j].high >>> 0).toNumber() : m.ints[j];
                }
            }
            if (m.strings && m.strings.length) {
                d.strings = $Array(m.strings.length);
                for (var j = 0; j < m.strings.length; ++j) {
                    d.strings[j] = o.bytes === $String ? $util.base64.encode(m.strings[j], 0, m.strings[j].length) : o.bytes === $Array ? $Array.prototype.slice.call(m.strings[j]) : m.strings[j];
                }
            }
            if (m.tensors && m.tensors.length) {
                d.tensors = $Array(m.tensors.length);
                for (var j = 0; j < m.tensors.length; ++j) {
                    d.tensors[j] = $root.onnx.TensorProto.toObject(m.tensors[j], o, q + 1);
                }
            }
            if (m.graphs && m.graphs.length) {
                d.graphs = $Array(m.graphs.length);
                for (var j = 0; j < m.graphs.length; ++j) {
                    d.graphs[j] = $root.onnx.GraphProto.toObject(m.graphs[j], o, q + 1);
                }
            }
            if (m.docString != null && $Object.hasOwnProperty.call(m, "docString")) {
                d.docString = m.docString;
            }
            if (m.tp != null && $Object.hasOwnProperty.call(m, "tp")) {
                d.tp = $root.onnx.TypeProto.toObject(m.tp, o, q + 1);
            }
            if (m.typeProtos && m.typeProtos.length) {
                d.typeProtos = $Array(m.typeProtos.length);
                for (var j = 0; j < m.typeProtos.length; ++j) {
                    d.typeProtos[j] = $root.onnx.TypeProto.toObject(m.typeProtos[j], o, q + 1);
                }
            }
            if (m.type != null && $Object.hasOwnProperty.call(m, "type")) {
                d.type = o.enums === $String ? $root.onnx.AttributeProto.AttributeType[m.type] === $undefined ? m.type : $root.onnx.AttributeProto.AttributeType[m.type] : m.type;
            }
            if (m.refAttrName != null && $Object.hasOwnProperty.call(m, "refAttrName")) {
                d.refAttrName = m.refAttrName;
            }
            if (m.sparseTensor != null && $Object.hasOwnProperty.call(m, "sparseTensor")) {
                d.sparseTensor = $root.onnx.SparseTensorProto.toObject(m.sparseTensor, o, q + 1);
            }
            if (m.sparseTensors && m.sparseTensors.length) {
                d.sparseTensors = $Array(m.sparseTensors.length);
                for (var j = 0; j < m.sparseTensors.length; ++j) {
                    d.sparseTensors[j] = $root.onnx.SparseTensorProto.toObject(m.sparseTensors[j], o, q + 1);
                }
            }
            return d;
        };

        /**
         * Converts this AttributeProto to JSON.
         * @function toJSON
         * @memberof onnx.AttributeProto
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        AttributeProto.prototype.toJSON = function() {
            return AttributeProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for AttributeProto
         * @function getTypeUrl
         * @memberof onnx.AttributeProto
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        AttributeProto.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/onnx.AttributeProto";
        };

        /**
         * AttributeType enum.
         * @name onnx.AttributeProto.AttributeType
         * @enum {number}
         * @property {number} UNDEFINED=0 UNDEFINED value
         * @property {number} FLOAT=1 FLOAT value
         * @property {number} INT=2 INT value
         * @property {number} STRING=3 STRING value
         * @property {number} TENSOR=4 TENSOR value
         * @property {number} GRAPH=5 GRAPH value
         * @property {number} SPARSE_TENSOR=11 SPARSE_TENSOR value
         * @property {number} TYPE_PROTO=13 TYPE_PROTO value
         * @property {number} FLOATS=6 FLOATS value
         * @property {number} INTS=7 INTS value
         * @property {number} STRINGS=8 STRINGS value
         * @property {number} TENSORS=9 TENSORS value
         * @property {number} GRAPHS=10 GRAPHS value
         * @property {number} SPARSE_TENSORS=12 SPARSE_TENSORS value
         * @property {number} TYPE_PROTOS=14 TYPE_PROTOS value
         */
        AttributeProto.AttributeType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "UNDEFINED"] = 0;
            values[valuesById[1] = "FLOAT"] = 1;
            values[valuesById[2] = "INT"] = 2;
            values[valuesById[3] = "STRING"] = 3;
            values[valuesById[4] = "TENSOR"] = 4;
            values[valuesById[5] = "GRAPH"] = 5;
            values[valuesById[11] = "SPARSE_TENSOR"] = 11;
            values[valuesById[13] = "TYPE_PROTO"] = 13;
            values[valuesById[6] = "FLOATS"] = 6;
            values[valuesById[7] = "INTS"] = 7;
            values[valuesById[8] = "STRINGS"] = 8;
            values[valuesById[9] = "TENSORS"] = 9;
            values[valuesById[10] = "GRAPHS"] = 10;
            values[valuesById[12] = "SPARSE_TENSORS"] = 12;
            values[valuesById[14] = "TYPE_PROTOS"] = 14;
            return values;
        })();

        return AttributeProto;
    })();

    onnx.ValueInfoProto = (function() {

        /**
         * Properties of a ValueInfoProto.
         * @typedef {Object} onnx.ValueInfoProto.$Properties
         * @property {string|null} [name] ValueInfoProto name
         * @property {onnx.TypeProto.$Properties|null} [type] ValueInfoProto type
         * @property {string|null} [docString] ValueInfoProto docString
         * @property {Array.<onnx.StringStringEntryProto.$Properties>|null} [metadataProps] ValueInfoProto metadataProps
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ValueInfoProto.
         * @memberof onnx
         * @interface IValueInfoProto
         * @augments onnx.ValueInfoProto.$Properties
         * @deprecated Use onnx.ValueInfoProto.$Properties instead.
         */

        /**
         * Shape of a ValueInfoProto.
         * @typedef {{
         *   name?: string|null;
         *   type?: onnx.TypeProto.$Shape|null;
         *   docString?: string|null;
         *   metadataProps?: Array.<onnx.StringStringEntryProto.$Shape>|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} onnx.ValueInfoProto.$Shape
         */

        /**
         * Constructs a new ValueInfoProto.
         * @memberof onnx
         * @classdesc Represents a ValueInfoProto.
         * @constructor
         * @param {onnx.ValueInfoProto.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ValueInfoProto = function (p) {
            this.metadataProps = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * ValueInfoProto name.
         * @member {string} name
         * @memberof onnx.ValueInfoProto
         * @instance
         */
        ValueInfoProto.prototype.name = "";

        /**
         * ValueInfoProto type.
         * @member {onnx.TypeProto.$Properties|null|undefined} type
         * @memberof onnx.ValueInfoProto
         * @instance
         */
        ValueInfoProto.prototype.type = null;

        /**
         * ValueInfoProto docString.
         * @member {string} docString
         * @memberof onnx.ValueInfoProto
         * @instance
         */
        ValueInfoProto.prototype.docString = "";

        /**
         * ValueInfoProto metadataProps.
         * @member {Array.<onnx.StringStringEntryProto.$Properties>} metadataProps
         * @memberof onnx.ValueInfoProto
         * @instance
         */
        ValueInfoProto.prototype.metadataProps = $util.emptyArray;

        /**
         * Creates a new ValueInfoProto instance using the specified properties.
         * @function create
         * @memberof onnx.ValueInfoProto
         * @static
         * @param {onnx.ValueInfoProto.$Properties=} [properties] Properties to set
         * @returns {onnx.ValueInfoProto} ValueInfoProto instance
         * @type {{
         *   (properties: onnx.ValueInfoProto.$Shape): onnx.ValueInfoProto & onnx.ValueInfoProto.$Shape;
         *   (properties?: onnx.ValueInfoProto.$Properties): onnx.ValueInfoProto;
         * }}
         */
        ValueInfoProto.create = function(properties) {
            return new ValueInfoProto(properties);
        };

        /**
         * Encodes the specified ValueInfoProto message. Does not implicitly {@link onnx.ValueInfoProto.verify|verify} messages.
         * @function encode
         * @memberof onnx.ValueInfoProto
         * @static
         * @param {onnx.ValueInfoProto.$Properties} m ValueInfoProto message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ValueInfoProto.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.name != null && $Object.hasOwnProperty.call(m, "name"))
                w.uint32(/* id 1, wireType 2 =*/10).string(m.name);
            if (m.type != null && $Object.hasOwnProperty.call(m, "type"))
                $root.onnx.TypeProto.encode(m.type, w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
            if (m.docString != null && $Object.hasOwnProperty.call(m, "docString"))
                w.uint32(/* id 3, wireType 2 =*/26).string(m.docString);
            if (m.metadataProps != null && m.metadataProps.length) {
                for (var i = 0; i < m.metadataProps.length; ++i)
                    $root.onnx.StringStringEntryProto.encode(m.metadataProps[i], w.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a ValueInfoProto message from the specified reader or buffer.
         * @function decode
         * @memberof onnx.ValueInfoProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {onnx.ValueInfoProto & onnx.ValueInfoProto.$Shape} ValueInfoProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ValueInfoProto.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.onnx.ValueInfoProto();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        m.name = r.string();
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        m.type = $root.onnx.TypeProto.decode(r, r.size(), $undefined, q + 1, m.type);
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        m.docString = r.string();
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if (!(m.metadataProps && m.metadataProps.length))
                            m.metadataProps = [];
                        m.metadataProps.push($root.onnx.StringStringEntryProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Creates a ValueInfoProto message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof onnx.ValueInfoProto
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {onnx.ValueInfoProto} ValueInfoProto
         */
        ValueInfoProto.fromObject = function (d, q) {
            if (d instanceof $root.onnx.ValueInfoProto)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".onnx.ValueInfoProto: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.onnx.ValueInfoProto();
            if (d.name != null) {
                m.name = $String(d.name);
            }
            if (d.type != null) {
                if (!$util.isObject(d.type))
                    throw $TypeError(".onnx.ValueInfoProto.type: object expected");
                m.type = $root.onnx.TypeProto.fromObject(d.type, q + 1);
            }
            if (d.docString != null) {
                m.docString = $String(d.docString);
            }
            if (d.metadataProps) {
                if (!$Array.isArray(d.metadataProps))
                    throw $TypeError(".onnx.ValueInfoProto.metadataProps: array expected");
                m.metadataProps = $Array(d.metadataProps.length);
                for (var i = 0; i < d.metadataProps.length; ++i) {
                    if (!$util.isObject(d.metadataProps[i]))
                        throw $TypeError(".onnx.ValueInfoProto.metadataProps: object expected");
                    m.metadataProps[i] = $root.onnx.StringStringEntryProto.fromObject(d.metadataProps[i], q + 1);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a ValueInfoProto message. Also converts values to other types if specified.
         * @function toObject
         * @memberof onnx.ValueInfoProto
         * @static
         * @param {onnx.ValueInfoProto} m ValueInfoProto
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        ValueInfoProto.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.metadataProps = [];
            }
            if (o.defaults) {
                d.name = "";
                d.type = null;
                d.docString = "";
            }
            if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                d.name = m.name;
            }
            if (m.type != null && $Object.hasOwnProperty.call(m, "type")) {
                d.type = $root.onnx.TypeProto.toObject(m.type, o, q + 1);
            }
            if (m.docString != null && $Object.hasOwnProperty.call(m, "docString")) {
                d.docString = m.docString;
            }
            if (m.metadataProps && m.metadataProps.length) {
                d.metadataProps = $Array(m.metadataProps.length);
                for (var j = 0; j < m.metadataProps.length; ++j) {
                    d.metadataProps[j] = $root.onnx.StringStringEntryProto.toObject(m.metadataProps[j], o, q + 1);
                }
            }
            return d;
        };

        /**
         * Converts this ValueInfoProto to JSON.
         * @function toJSON
         * @memberof onnx.ValueInfoProto
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        ValueInfoProto.prototype.toJSON = function() {
            return ValueInfoProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for ValueInfoProto
         * @function getTypeUrl
         * @memberof onnx.ValueInfoProto
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        ValueInfoProto.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/onnx.ValueInfoProto";
        };

        return ValueInfoProto;
    })();

    onnx.NodeProto = (function() {

        /**
         * Properties of a NodeProto.
         * @typedef {Object} onnx.NodeProto.$Properties
         * @property {Array.<string>|null} [input] NodeProto input
         * @property {Array.<string>|null} [output] NodeProto output
         * @property {string|null} [name] NodeProto name
         * @property {string|null} [opType] NodeProto opType
         * @property {string|null} [domain] NodeProto domain
         * @property {string|null} [overload] NodeProto overload
         * @property {Array.<onnx.AttributeProto.$Properties>|null} [attribute] NodeProto attribute
         * @property {string|null} [docString] NodeProto docString
         * @property {Array.<onnx.StringStringEntryProto.$Properties>|null} [metadataProps] NodeProto metadataProps
         * @property {Array.<onnx.NodeDeviceConfigurationProto.$Properties>|null} [deviceConfigurations] NodeProto deviceConfigurations
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a NodeProto.
         * @memberof onnx
         * @interface INodeProto
         * @augments onnx.NodeProto.$Properties
         * @deprecated Use onnx.NodeProto.$Properties instead.
         */

        /**
         * Shape of a NodeProto.
         * @typedef {{
         *   input?: Array.<string>|null;
         *   output?: Array.<string>|null;
         *   name?: string|null;
         *   opType?: string|null;
         *   domain?: string|null;
         *   overload?: string|null;
         *   attribute?: Array.<onnx.AttributeProto.$Shape>|null;
         *   docString?: string|null;
         *   metadataProps?: Array.<onnx.StringStringEntryProto.$Shape>|null;
         *   deviceConfigurations?: Array.<onnx.NodeDeviceConfigurationProto.$Shape>|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} onnx.NodeProto.$Shape
         */

        /**
         * Constructs a new NodeProto.
         * @memberof onnx
         * @classdesc Represents a NodeProto.
         * @constructor
         * @param {onnx.NodeProto.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const NodeProto = function (p) {
            this.input = [];
            this.output = [];
            this.attribute = [];
            this.metadataProps = [];
            this.deviceConfigurations = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * NodeProto input.
         * @member {Array.<string>} input
         * @memberof onnx.NodeProto
         * @instance
         */
        NodeProto.prototype.input = $util.emptyArray;

        /**
         * NodeProto output.
         * @member {Array.<string>} output
         * @memberof onnx.NodeProto
         * @instance
         */
        NodeProto.prototype.output = $util.emptyArray;

        /**
         * NodeProto name.
         * @member {string} name
         * @memberof onnx.NodeProto
         * @instance
         */
        NodeProto.prototype.name = "";

        /**
         * NodeProto opType.
         * @member {string} opType
         * @memberof onnx.NodeProto
         * @instance
         */
        NodeProto.prototype.opType = "";

        /**
         * NodeProto domain.
         * @member {string} domain
         * @memberof onnx.NodeProto
         * @instance
         */
        NodeProto.prototype.domain = "";

        /**
         * NodeProto overload.
         * @member {string} overload
         * @memberof onnx.NodeProto
         * @instance
         */
        NodeProto.prototype.overload = "";

        /**
         * NodeProto attribute.
         * @member {Array.<onnx.AttributeProto.$Properties>} attribute
         * @memberof onnx.NodeProto
         * @instance
         */
        NodeProto.prototype.attribute = $util.emptyArray;

        /**
         * NodeProto docString.
         * @member {string} docString
         * @memberof onnx.NodeProto
         * @instance
         */
        NodeProto.prototype.docString = "";

        /**
         * NodeProto metadataProps.
         * @member {Array.<onnx.StringStringEntryProto.$Properties>} metadataProps
         * @memberof onnx.NodeProto
         * @instance
         */
        NodeProto.prototype.metadataProps = $util.emptyArray;

        /**
         * NodeProto deviceConfigurations.
         * @member {Array.<onnx.NodeDeviceConfigurationProto.$Properties>} deviceConfigurations
         * @memberof onnx.NodeProto
         * @instance
         */
        NodeProto.prototype.deviceConfigurations = $util.emptyArray;

        /**
         * Creates a new NodeProto instance using the specified properties.
         * @function create
         * @memberof onnx.NodeProto
         * @static
         * @param {onnx.NodeProto.$Properties=} [properties] Properties to set
         * @returns {onnx.NodeProto} NodeProto instance
         * @type {{
         *   (properties: onnx.NodeProto.$Shape): onnx.NodeProto & onnx.NodeProto.$Shape;
         *   (properties?: onnx.NodeProto.$Properties): onnx.NodeProto;
         * }}
         */
        NodeProto.create = function(properties) {
            return new NodeProto(properties);
        };

        /**
         * Encodes the specified NodeProto message. Does not implicitly {@link onnx.NodeProto.verify|verify} messages.
         * @function encode
         * @memberof onnx.NodeProto
         * @static
         * @param {onnx.NodeProto.$Properties} m NodeProto message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        NodeProto.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.input != null && m.input.length) {
                for (var i = 0; i < m.input.length; ++i)
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.input[i]);
            }
            if (m.output != null && m.output.length) {
                for (var i = 0; i < m.output.length; ++i)
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.output[i]);
            }
            if (m.name != null && $Object.hasOwnProperty.call(m, "name"))
                w.uint32(/* id 3, wireType 2 =*/26).string(m.name);
            if (m.opType != null && $Object.hasOwnProperty.call(m, "opType"))
                w.uint32(/* id 4, wireType 2 =*/34).string(m.opType);
            if (m.attribute != null && m.attribute.length) {
                for (var i = 0; i < m.attribute.length; ++i)
                    $root.onnx.AttributeProto.encode(m.attribute[i], w.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
            }
            if (m.docString != null && $Object.hasOwnProperty.call(m, "docString"))
                w.uint32(/* id 6, wireType 2 =*/50).string(m.docString);
            if (m.domain != null && $Object.hasOwnProperty.call(m, "domain"))
                w.uint32(/* id 7, wireType 2 =*/58).string(m.domain);
            if (m.overload != null && $Object.hasOwnProperty.call(m, "overload"))
                w.uint32(/* id 8, wireType 2 =*/66).string(m.overload);
            if (m.metadataProps != null && m.metadataProps.length) {
                for (var i = 0; i < m.metadataProps.length; ++i)
                    $root.onnx.StringStringEntryProto.encode(m.metadataProps[i], w.uint32(/* id 9, wireType 2 =*/74).fork(), q + 1).ldelim();
            }
            if (m.deviceConfigurations != null && m.deviceConfigurations.length) {
                for (var i = 0; i < m.deviceConfigurations.length; ++i)
                    $root.onnx.NodeDeviceConfigurationProto.encode(m.deviceConfigurations[i], w.uint32(/* id 10, wireType 2 =*/82).fork(), q + 1).ldelim();
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a NodeProto message from the specified reader or buffer.
         * @function decode
         * @memberof onnx.NodeProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {onnx.NodeProto & onnx.NodeProto.$Shape} NodeProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        NodeProto.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.onnx.NodeProto();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if (!(m.input && m.input.length))
                            m.input = [];
                        m.input.push(r.string());
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if (!(m.output && m.output.length))
                            m.output = [];
                        m.output.push(r.string());
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        m.name = r.string();
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        m.opType = r.string();
                        continue;
                    }
                case 7: {
                        if (u !== 2)
                            break;
                        m.domain = r.string();
                        continue;
                    }
                case 8: {
                        if (u !== 2)
                            break;
                        m.overload = r.string();
                        continue;
                    }
                case 5: {
                        if (u !== 2)
                            break;
                        if (!(m.attribute && m.attribute.length))
                            m.attribute = [];
                        m.attribute.push($root.onnx.AttributeProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 6: {
                        if (u !== 2)
                            break;
                        m.docString = r.string();
                        continue;
                    }
                case 9: {
                        if (u !== 2)
                            break;
                        if (!(m.metadataProps && m.metadataProps.length))
                            m.metadataProps = [];
                        m.metadataProps.push($root.onnx.StringStringEntryProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 10: {
                        if (u !== 2)
                            break;
                        if (!(m.deviceConfigurations && m.deviceConfigurations.length))
                            m.deviceConfigurations = [];
                        m.deviceConfigurations.push($root.onnx.NodeDeviceConfigurationProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Creates a NodeProto message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof onnx.NodeProto
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {onnx.NodeProto} NodeProto
         */
        NodeProto.fromObject = function (d, q) {
            if (d instanceof $root.onnx.NodeProto)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".onnx.NodeProto: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.onnx.NodeProto();
            if (d.input) {
                if (!$Array.isArray(d.input))
                    throw $TypeError(".onnx.NodeProto.input: array expected");
                m.input = $Array(d.input.length);
                for (var i = 0; i < d.input.length; ++i) {
                    m.input[i] = $String(d.input[i]);
                }
            }
            if (d.output) {
                if (!$Array.isArray(d.output))
                    throw $TypeError(".onnx.NodeProto.output: array expected");
                m.output = $Array(d.output.length);
                for (var i = 0; i < d.output.length; ++i) {
                    m.output[i] = $String(d.output[i]);
                }
            }
            if (d.name != null) {
                m.name = $String(d.name);
            }
            if (d.opType != null) {
                m.opType = $String(d.opType);
            }
            if (d.domain != null) {
                m.domain = $String(d.domain);
            }
            if (d.overload != null) {
                m.overload = $String(d.overload);
            }
            if (d.attribute) {
                if (!$Array.isArray(d.attribute))
                    throw $TypeError(".onnx.NodeProto.attribute: array expected");
                m.attribute = $Array(d.attribute.length);
                for (var i = 0; i < d.attribute.length; ++i) {
                    if (!$util.isObject(d.attribute[i]))
                        throw $TypeError(".onnx.NodeProto.attribute: object expected");
                    m.attribute[i] = $root.onnx.AttributeProto.fromObject(d.attribute[i], q + 1);
                }
            }
            if (d.docString != null) {
                m.docString = $String(d.docString);
            }
            if (d.metadataProps) {
                if (!$Array.isArray(d.metadataProps))
                    throw $TypeError(".onnx.NodeProto.metadataProps: array expected");
                m.metadataProps = $Array(d.metadataProps.length);
                for (var i = 0; i < d.metadataProps.length; ++i) {
                    if (!$util.isObject(d.metadataProps[i]))
                        throw $TypeError(".onnx.NodeProto.metadataProps: object expected");
                    m.metadataProps[i] = $root.onnx.StringStringEntryProto.fromObject(d.metadataProps[i], q + 1);
                }
            }
            if (d.deviceConfigurations) {
                if (!$Array.isArray(d.deviceConfigurations))
                    throw $TypeError(".onnx.NodeProto.deviceConfigurations: array expected");
                m.deviceConfigurations = $Array(d.deviceConfigurations.length);
                for (var i = 0; i < d.deviceConfigurations.length; ++i) {
                    if (!$util.isObject(d.deviceConfigurations[i]))
                        throw $TypeError(".onnx.NodeProto.deviceConfigurations: object expected");
                    m.deviceConfigurations[i] = $root.onnx.NodeDeviceConfigurationProto.fromObject(d.deviceConfigurations[i], q + 1);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a NodeProto message. Also converts values to other types if specified.
         * @function toObject
         * @memberof onnx.NodeProto
         * @static
         * @param {onnx.NodeProto} m NodeProto
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        NodeProto.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.input = [];
                d.output = [];
                d.attribute = [];
                d.metadataProps = [];
                d.deviceConfigurations = [];
            }
            if (o.defaults) {
                d.name = "";
                d.opType = "";
                d.docString = "";
                d.domain = "";
                d.overload = "";
            }
            if (m.input && m.input.length) {
                d.input = $Array(m.input.length);
                for (var j = 0; j < m.input.length; ++j) {
                    d.input[j] = m.input[j];
                }
            }
            if (m.output && m.output.length) {
                d.output = $Array(m.output.length);
                for (var j = 0; j < m.output.length; ++j) {
                    d.output[j] = m.output[j];
                }
            }
            if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                d.name = m.name;
            }
            if (m.opType != null && $Object.hasOwnProperty.call(m, "opType")) {
                d.opType = m.opType;
            }
            if (m.attribute && m.attribute.length) {
                d.attribute = $Array(m.attribute.length);
                for (var j = 0; j < m.attribute.length; ++j) {
                    d.attribute[j] = $root.onnx.AttributeProto.toObject(m.attribute[j], o, q + 1);
                }
            }
            if (m.docString != null && $Object.hasOwnProperty.call(m, "docString")) {
                d.docString = m.docString;
            }
            if (m.domain != null && $Object.hasOwnProperty.call(m, "domain")) {
                d.domain = m.domain;
            }
            if (m.overload != null && $Object.hasOwnProperty.call(m, "overload")) {
                d.overload = m.overload;
            }
            if (m.metadataProps && m.metadataProps.length) {
                d.metadataProps = $Array(m.metadataProps.length);
                for (var j = 0; j < m.metadataProps.length; ++j) {
                    d.metadataProps[j] = $root.onnx.StringStringEntryProto.toObject(m.metadataProps[j], o, q + 1);
                }
            }
            if (m.deviceConfigurations && m.deviceConfigurations.length) {
                d.deviceConfigurations = $Array(m.deviceConfigurations.length);
                for (var j = 0; j < m.deviceConfigurations.length; ++j) {
                    d.deviceConfigurations[j] = $root.onnx.NodeDeviceConfigurationProto.toObject(m.deviceConfigurations[j], o, q + 1);
                }
            }
            return d;
        };

        /**
         * Converts this NodeProto to JSON.
         * @function toJSON
         * @memberof onnx.NodeProto
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        NodeProto.prototype.toJSON = function() {
            return NodeProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for NodeProto
         * @function getTypeUrl
         * @memberof onnx.NodeProto
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        NodeProto.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/onnx.NodeProto";
        };

        return NodeProto;
    })();

    onnx.IntIntListEntryProto = (function() {

        /**
         * Properties of an IntIntListEntryProto.
         * @typedef {Object} onnx.IntIntListEntryProto.$Properties
         * @property {number|Long|null} [key] IntIntListEntryProto key
         * @property {Array.<number|Long>|null} [value] IntIntListEntryProto value
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an IntIntListEntryProto.
         * @memberof onnx
         * @interface IIntIntListEntryProto
         * @augments onnx.IntIntListEntryProto.$Properties
         * @deprecated Use onnx.IntIntListEntryProto.$Properties instead.
         */

        /**
         * Shape of an IntIntListEntryProto.
         * @typedef {onnx.IntIntListEntryProto.$Properties} onnx.IntIntListEntryProto.$Shape
         */

        /**
         * Constructs a new IntIntListEntryProto.
         * @memberof onnx
         * @classdesc Represents an IntIntListEntryProto.
         * @constructor
         * @param {onnx.IntIntListEntryProto.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const IntIntListEntryProto = function (p) {
            this.value = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * IntIntListEntryProto key.
         * @member {number|Long} key
         * @memberof onnx.IntIntListEntryProto
         * @instance
         */
        IntIntListEntryProto.prototype.key = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * IntIntListEntryProto value.
         * @member {Array.<number|Long>} value
         * @memberof onnx.IntIntListEntryProto
         * @instance
         */
        IntIntListEntryProto.prototype.value = $util.emptyArray;

        /**
         * Creates a new IntIntListEntryProto instance using the specified properties.
         * @function create
         * @memberof onnx.IntIntListEntryProto
         * @static
         * @param {onnx.IntIntListEntryProto.$Properties=} [properties] Properties to set
         * @returns {onnx.IntIntListEntryProto} IntIntListEntryProto instance
         * @type {{
         *   (properties: onnx.IntIntListEntryProto.$Shape): onnx.IntIntListEntryProto & onnx.IntIntListEntryProto.$Shape;
         *   (properties?: onnx.IntIntListEntryProto.$Properties): onnx.IntIntListEntryProto;
         * }}
         */
        IntIntListEntryProto.create = function(properties) {
            return new IntIntListEntryProto(properties);
        };

        /**
         * Encodes the specified IntIntListEntryProto message. Does not implicitly {@link onnx.IntIntListEntryProto.verify|verify} messages.
         * @function encode
         * @memberof onnx.IntIntListEntryProto
         * @static
         * @param {onnx.IntIntListEntryProto.$Properties} m IntIntListEntryProto message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        IntIntListEntryProto.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.key != null && $Object.hasOwnProperty.call(m, "key"))
                w.uint32(/* id 1, wireType 0 =*/8).int64(m.key);
            if (m.value != null && m.value.length) {
                for (var i = 0; i < m.value.length; ++i)
                    w.uint32(/* id 2, wireType 0 =*/16).int64(m.value[i]);
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes an IntIntListEntryProto message from the specified reader or buffer.
         * @function decode
         * @memberof onnx.IntIntListEntryProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {onnx.IntIntListEntryProto & onnx.IntIntListEntryProto.$Shape} IntIntListEntryProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        IntIntListEntryProto.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.onnx.IntIntListEntryProto();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        m.key = r.int64();
                        continue;
                    }
                case 2: {
                        if (u === 2) {
                            if (!(m.value && m.value.length))
                                m.value = [];
                            r.int64s(m.value);
                            continue;
                        }
                        if (u !== 0)
                            break;
                        if (!(m.value && m.value.length))
                            m.value = [];
                        m.value.push(r.int64());
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Creates an IntIntListEntryProto message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof onnx.IntIntListEntryProto
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {onnx.IntIntListEntryProto} IntIntListEntryProto
         */
        IntIntListEntryProto.fromObject = function (d, q) {
            if (d instanceof $root.onnx.IntIntListEntryProto)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".onnx.IntIntListEntryProto: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.onnx.IntIntListEntryProto();
            if (d.key != null) {
                if ($util.Long)
                    m.key = $util.Long.fromValue(d.key, false);
                else if (typeof d.key === "string")
                    m.key = $parseInt(d.key, 10);
                else if (typeof d.key === "number")
                    m.key = d.key;
                else if (typeof d.key === "object")
                    m.key = new $util.LongBits(d.key.low >>> 0, d.key.high >>> 0).toNumber();
            }
            if (d.value) {
                if (!$Array.isArray(d.value))
                    throw $TypeError(".onnx.IntIntListEntryProto.value: array expected");
                m.value = $Array(d.value.length);
                for (var i = 0; i < d.value.length; ++i) {
                    if ($util.Long)
                        m.value[i] = $util.Long.fromValue(d.value[i], false);
                    else if (typeof d.value[i] === "string")
                        m.value[i] = $parseInt(d.value[i], 10);
                    else if (typeof d.value[i] === "number")
                        m.value[i] = d.value[i];
                    else if (typeof d.value[i] === "object")
                        m.value[i] = new $util.LongBits(d.value[i].low >>> 0, d.value[i].high >>> 0).toNumber();
                }
            }
            return m;
        };

        /**
         * Creates a plain object from an IntIntListEntryProto message. Also converts values to other types if specified.
         * @function toObject
         * @memberof onnx.IntIntListEntryProto
         * @static
         * @param {onnx.IntIntListEntryProto} m IntIntListEntryProto
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        IntIntListEntryProto.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.value = [];
            }
            if (o.defaults) {
                if ($util.Long) {
                    var n = new $util.Long(0, 0, false);
                    d.key = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.key = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
            }
            if (m.key != null && $Object.hasOwnProperty.call(m, "key")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.key = typeof m.key === "number" ? $BigInt(m.key) : $util.Long.fromBits(m.key.low >>> 0, m.key.high >>> 0, false).toBigInt();
                else if (typeof m.key === "number")
                    d.key = o.longs === $String ? $String(m.key) : m.key;
                else
                    d.key = o.longs === $String ? $util.Long.prototype.toString.call(m.key) : o.longs === $Number ? new $util.LongBits(m.key.low >>> 0, m.key.high >>> 0).toNumber() : m.key;
            }
            if (m.value && m.value.length) {
                d.value = $Array(m.value.length);
                for (var j = 0; j < m.value.length; ++j) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.value[j] = typeof m.value[j] === "number" ? $BigInt(m.value[j]) : $util.Long.fromBits(m.value[j].low >>> 0, m.value[j].high >>> 0, false).toBigInt();
                    else if (typeof m.value[j] === "number")
                        d.value[j] = o.longs === $String ? $String(m.value[j]) : m.value[j];
                    else
                        d.value[j] = o.longs === $String ? $util.Long.prototype.toString.call(m.value[j]) : o.longs === $Number ? new $util.LongBits(m.value[j].low >>> 0, m.value[j].high >>> 0).toNumber() : m.value[j];
                }
            }
            return d;
        };

        /**
         * Converts this IntIntListEntryProto to JSON.
         * @function toJSON
         * @memberof onnx.IntIntListEntryProto
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        IntIntListEntryProto.prototype.toJSON = function() {
            return IntIntListEntryProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for IntIntListEntryProto
         * @function getTypeUrl
         * @memberof onnx.IntIntListEntryProto
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        IntIntListEntryProto.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/onnx.IntIntListEntryProto";
        };

        return IntIntListEntryProto;
    })();

    onnx.NodeDeviceConfigurationProto = (function() {

        /**
         * Properties of a NodeDeviceConfigurationProto.
         * @typedef {Object} onnx.NodeDeviceConfigurationProto.$Properties
         * @property {string|null} [configurationId] NodeDeviceConfigurationProto configurationId
         * @property {Array.<onnx.ShardingSpecProto.$Properties>|null} [shardingSpec] NodeDeviceConfigurationProto shardingSpec
         * @property {number|null} [pipelineStage] NodeDeviceConfigurationProto pipelineStage
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a NodeDeviceConfigurationProto.
         * @memberof onnx
         * @interface INodeDeviceConfigurationProto
         * @augments onnx.NodeDeviceConfigurationProto.$Properties
         * @deprecated Use onnx.NodeDeviceConfigurationProto.$Properties instead.
         */

        /**
         * Shape of a NodeDeviceConfigurationProto.
         * @typedef {{
         *   configurationId?: string|null;
         *   shardingSpec?: Array.<onnx.ShardingSpecProto.$Shape>|null;
         *   pipelineStage?: number|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} onnx.NodeDeviceConfigurationProto.$Shape
         */

        /**
         * Constructs a new NodeDeviceConfigurationProto.
         * @memberof onnx
         * @classdesc Represents a NodeDeviceConfigurationProto.
         * @constructor
         * @param {onnx.NodeDeviceConfigurationProto.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const NodeDeviceConfigurationProto = function (p) {
            this.shardingSpec = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * NodeDeviceConfigurationProto configurationId.
         * @member {string} configurationId
         * @memberof onnx.NodeDeviceConfigurationProto
         * @instance
         */
        NodeDeviceConfigurationProto.prototype.configurationId = "";

        /**
         * NodeDeviceConfigurationProto shardingSpec.
         * @member {Array.<onnx.ShardingSpecProto.$Properties>} shardingSpec
         * @memberof onnx.NodeDeviceConfigurationProto
         * @instance
         */
        NodeDeviceConfigurationProto.prototype.shardingSpec = $util.emptyArray;

        /**
         * NodeDeviceConfigurationProto pipelineStage.
         * @member {number} pipelineStage
         * @memberof onnx.NodeDeviceConfigurationProto
         * @instance
         */
        NodeDeviceConfigurationProto.prototype.pipelineStage = 0;

        /**
         * Creates a new NodeDeviceConfigurationProto instance using the specified properties.
         * @function create
         * @memberof onnx.NodeDeviceConfigurationProto
         * @static
         * @param {onnx.NodeDeviceConfigurationProto.$Properties=} [properties] Properties to set
         * @returns {onnx.NodeDeviceConfigurationProto} NodeDeviceConfigurationProto instance
         * @type {{
         *   (properties: onnx.NodeDeviceConfigurationProto.$Shape): onnx.NodeDeviceConfigurationProto & onnx.NodeDeviceConfigurationProto.$Shape;
         *   (properties?: onnx.NodeDeviceConfigurationProto.$Properties): onnx.NodeDeviceConfigurationProto;
         * }}
         */
        NodeDeviceConfigurationProto.create = function(properties) {
            return new NodeDeviceConfigurationProto(properties);
        };

        /**
         * Encodes the specified NodeDeviceConfigurationProto message. Does not implicitly {@link onnx.NodeDeviceConfigurationProto.verify|verify} messages.
         * @function encode
         * @memberof onnx.NodeDeviceConfigurationProto
         * @static
         * @param {onnx.NodeDeviceConfigurationProto.$Properties} m NodeDeviceConfigurationProto message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        NodeDeviceConfigurationProto.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.configurationId != null && $Object.hasOwnProperty.call(m, "configurationId"))
                w.uint32(/* id 1, wireType 2 =*/10).string(m.configurationId);
            if (m.shardingSpec != null && m.shardingSpec.length) {
                for (var i = 0; i < m.shardingSpec.length; ++i)
                    $root.onnx.ShardingSpecProto.encode(m.shardingSpec[i], w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
            }
            if (m.pipelineStage != null && $Object.hasOwnProperty.call(m, "pipelineStage"))
                w.uint32(/* id 3, wireType 0 =*/24).int32(m.pipelineStage);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a NodeDeviceConfigurationProto message from the specified reader or buffer.
         * @function decode
         * @memberof onnx.NodeDeviceConfigurationProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {onnx.NodeDeviceConfigurationProto & onnx.NodeDeviceConfigurationProto.$Shape} NodeDeviceConfigurationProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        NodeDeviceConfigurationProto.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.onnx.NodeDeviceConfigurationProto();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        m.configurationId = r.string();
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if (!(m.shardingSpec && m.shardingSpec.length))
                            m.shardingSpec = [];
                        m.shardingSpec.push($root.onnx.ShardingSpecProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        m.pipelineStage = r.int32();
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Creates a NodeDeviceConfigurationProto message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof onnx.NodeDeviceConfigurationProto
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {onnx.NodeDeviceConfigurationProto} NodeDeviceConfigurationProto
         */
        NodeDeviceConfigurationProto.fromObject = function (d, q) {
            if (d instanceof $root.onnx.NodeDeviceConfigurationProto)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".onnx.NodeDeviceConfigurationProto: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.onnx.NodeDeviceConfigurationProto();
            if (d.configurationId != null) {
                m.configurationId = $String(d.configurationId);
            }
            if (d.shardingSpec) {
                if (!$Array.isArray(d.shardingSpec))
                    throw $TypeError(".onnx.NodeDeviceConfigurationProto.shardingSpec: array expected");
                m.shardingSpec = $Array(d.shardingSpec.length);
                for (var i = 0; i < d.shardingSpec.length; ++i) {
                    if (!$util.isObject(d.shardingSpec[i]))
                        throw $TypeError(".onnx.NodeDeviceConfigurationProto.shardingSpec: object expected");
                    m.shardingSpec[i] = $root.onnx.ShardingSpecProto.fromObject(d.shardingSpec[i], q + 1);
                }
            }
            if (d.pipelineStage != null) {
                m.pipelineStage = d.pipelineStage | 0;
            }
            return m;
        };

        /**
         * Creates a plain object from a NodeDeviceConfigurationProto message. Also converts values to other types if specified.
         * @function toObject
         * @memberof onnx.NodeDeviceConfigurationProto
         * @static
         * @param {onnx.NodeDeviceConfigurationProto} m NodeDeviceConfigurationProto
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        NodeDeviceConfigurationProto.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.shardingSpec = [];
            }
            if (o.defaults) {
                d.configurationId = "";
                d.pipelineStage = 0;
            }
            if (m.configurationId != null && $Object.hasOwnProperty.call(m, "configurationId")) {
                d.configurationId = m.configurationId;
            }
            if (m.shardingSpec && m.shardingSpec.length) {
                d.shardingSpec = $Array(m.shardingSpec.length);
                for (var j = 0; j < m.shardingSpec.length; ++j) {
                    d.shardingSpec[j] = $root.onnx.ShardingSpecProto.toObject(m.shardingSpec[j], o, q + 1);
                }
            }
            if (m.pipelineStage != null && $Object.hasOwnProperty.call(m, "pipelineStage")) {
                d.pipelineStage = m.pipelineStage;
            }
            return d;
        };

        /**
         * Converts this NodeDeviceConfigurationProto to JSON.
         * @function toJSON
         * @memberof onnx.NodeDeviceConfigurationProto
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        NodeDeviceConfigurationProto.prototype.toJSON = function() {
            return NodeDeviceConfigurationProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for NodeDeviceConfigurationProto
         * @function getTypeUrl
         * @memberof onnx.NodeDeviceConfigurationProto
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        NodeDeviceConfigurationProto.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/onnx.NodeDeviceConfigurationProto";
        };

        return NodeDeviceConfigurationProto;
    })();

    onnx.ShardingSpecProto = (function() {

        /**
         * Properties of a ShardingSpecProto.
         * @typedef {Object} onnx.ShardingSpecProto.$Properties
         * @property {string|null} [tensorName] ShardingSpecProto tensorName
         * @property {Array.<number|Long>|null} [device] ShardingSpecProto device
         * @property {Array.<onnx.IntIntListEntryProto.$Properties>|null} [indexToDeviceGroupMap] ShardingSpecProto indexToDeviceGroupMap
         * @property {Array.<onnx.ShardedDimProto.$Properties>|null} [shardedDim] ShardingSpecProto shardedDim
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ShardingSpecProto.
         * @memberof onnx
         * @interface IShardingSpecProto
         * @augments onnx.ShardingSpecProto.$Properties
         * @deprecated Use onnx.ShardingSpecProto.$Properties instead.
         */

        /**
         * Shape of a ShardingSpecProto.
         * @typedef {{
         *   tensorName?: string|null;
         *   device?: Array.<number|Long>|null;
         *   indexToDeviceGroupMap?: Array.<onnx.IntIntListEntryProto.$Shape>|null;
         *   shardedDim?: Array.<onnx.ShardedDimProto.$Shape>|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} onnx.ShardingSpecProto.$Shape
         */

        /**
         * Constructs a new ShardingSpecProto.
         * @memberof onnx
         * @classdesc Represents a ShardingSpecProto.
         * @constructor
         * @param {onnx.ShardingSpecProto.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ShardingSpecProto = function (p) {
            this.device = [];
            this.indexToDeviceGroupMap = [];
            this.shardedDim = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * ShardingSpecProto tensorName.
         * @member {string} tensorName
         * @memberof onnx.ShardingSpecProto
         * @instance
         */
        ShardingSpecProto.prototype.tensorName = "";

        /**
         * ShardingSpecProto device.
         * @member {Array.<number|Long>} device
         * @memberof onnx.ShardingSpecProto
         * @instance
         */
        ShardingSpecProto.prototype.device = $util.emptyArray;

        /**
         * ShardingSpecProto indexToDeviceGroupMap.
         * @member {Array.<onnx.IntIntListEntryProto.$Properties>} indexToDeviceGroupMap
         * @memberof onnx.ShardingSpecProto
         * @instance
         */
        ShardingSpecProto.prototype.indexToDeviceGroupMap = $util.emptyArray;

        /**
         * ShardingSpecProto shardedDim.
         * @member {Array.<onnx.ShardedDimProto.$Properties>} shardedDim
         * @memberof onnx.ShardingSpecProto
         * @instance
         */
        ShardingSpecProto.prototype.shardedDim = $util.emptyArray;

        /**
         * Creates a new ShardingSpecProto instance using the specified properties.
         * @function create
         * @memberof onnx.ShardingSpecProto
         * @static
         * @param {onnx.ShardingSpecProto.$Properties=} [properties] Properties to set
         * @returns {onnx.ShardingSpecProto} ShardingSpecProto instance
         * @type {{
         *   (properties: onnx.ShardingSpecProto.$Shape): onnx.ShardingSpecProto & onnx.ShardingSpecProto.$Shape;
         *   (properties?: onnx.ShardingSpecProto.$Properties): onnx.ShardingSpecProto;
         * }}
         */
        ShardingSpecProto.create = function(properties) {
            return new ShardingSpecProto(properties);
        };

        /**
         * Encodes the specified ShardingSpecProto message. Does not implicitly {@link onnx.ShardingSpecProto.verify|verify} messages.
         * @function encode
         * @memberof onnx.ShardingSpecProto
         * @static
         * @param {onnx.ShardingSpecProto.$Properties} m ShardingSpecProto message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ShardingSpecProto.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.tensorName != null && $Object.hasOwnProperty.call(m, "tensorName"))
                w.uint32(/* id 1, wireType 2 =*/10).string(m.tensorName);
            if (m.device != null && m.device.length) {
                for (var i = 0; i < m.device.length; ++i)
                    w.uint32(/* id 2, wireType 0 =*/16).int64(m.device[i]);
            }
            if (m.indexToDeviceGroupMap != null && m.indexToDeviceGroupMap.length) {
                for (var i = 0; i < m.indexToDeviceGroupMap.length; ++i)
                    $root.onnx.IntIntListEntryProto.encode(m.indexToDeviceGroupMap[i], w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
            }
            if (m.shardedDim != null && m.shardedDim.length) {
                for (var i = 0; i < m.shardedDim.length; ++i)
                    $root.onnx.ShardedDimProto.encode(m.shardedDim[i], w.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a ShardingSpecProto message from the specified reader or buffer.
         * @function decode
         * @memberof onnx.ShardingSpecProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {onnx.ShardingSpecProto & onnx.ShardingSpecProto.$Shape} ShardingSpecProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ShardingSpecProto.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.onnx.ShardingSpecProto();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        m.tensorName = r.string();
                        continue;
                    }
                case 2: {
                        if (u === 2) {
                            if (!(m.device && m.device.length))
                                m.device = [];
                            r.int64s(m.device);
                            continue;
                        }
                        if (u !== 0)
                            break;
                        if (!(m.device && m.device.length))
                            m.device = [];
                        m.device.push(r.int64());
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if (!(m.indexToDeviceGroupMap && m.indexToDeviceGroupMap.length))
                            m.indexToDeviceGroupMap = [];
                        m.indexToDeviceGroupMap.push($root.onnx.IntIntListEntryProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if (!(m.shardedDim && m.shardedDim.length))
                            m.shardedDim = [];
                        m.shardedDim.push($root.onnx.ShardedDimProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Creates a ShardingSpecProto message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof onnx.ShardingSpecProto
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {onnx.ShardingSpecProto} ShardingSpecProto
         */
        ShardingSpecProto.fromObject = function (d, q) {
            if (d instanceof $root.onnx.ShardingSpecProto)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".onnx.ShardingSpecProto: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.onnx.ShardingSpecProto();
            if (d.tensorName != null) {
                m.tensorName = $String(d.tensorName);
            }
            if (d.device) {
                if (!$Array.isArray(d.device))
                    throw $TypeError(".onnx.ShardingSpecProto.device: array expected");
                m.device = $Array(d.device.length);
                for (var i = 0; i < d.device.length; ++i) {
                    if ($util.Long)
                        m.device[i] = $util.Long.fromValue(d.device[i], false);
                    else if (typeof d.device[i] === "string")
                        m.device[i] = $parseInt(d.device[i], 10);
                    else if (typeof d.device[i] === "number")
                        m.device[i] = d.device[i];
                    else if (typeof d.device[i] === "object")
                        m.device[i] = new $util.LongBits(d.device[i].low >>> 0, d.device[i].high >>> 0).toNumber();
                }
            }
            if (d.indexToDeviceGroupMap) {
                if (!$Array.isArray(d.indexToDeviceGroupMap))
                    throw $TypeError(".onnx.ShardingSpecProto.indexToDeviceGroupMap: array expected");
                m.indexToDeviceGroupMap = $Array(d.indexToDeviceGroupMap.length);
                for (var i = 0; i < d.indexToDeviceGroupMap.length; ++i) {
                    if (!$util.isObject(d.indexToDeviceGroupMap[i]))
                        throw $TypeError(".onnx.ShardingSpecProto.indexToDeviceGroupMap: object expected");
                    m.indexToDeviceGroupMap[i] = $root.onnx.IntIntListEntryProto.fromObject(d.indexToDeviceGroupMap[i], q + 1);
                }
            }
            if (d.shardedDim) {
                if (!$Array.isArray(d.shardedDim))
                    throw $TypeError(".onnx.ShardingSpecProto.shardedDim: array expected");
                m.shardedDim = $Array(d.shardedDim.length);
                for (var i = 0; i < d.shardedDim.length; ++i) {
                    if (!$util.isObject(d.shardedDim[i]))
                        throw $TypeError(".onnx.ShardingSpecProto.shardedDim: object expected");
                    m.shardedDim[i] = $root.onnx.ShardedDimProto.fromObject(d.shardedDim[i], q + 1);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a ShardingSpecProto message. Also converts values to other types if specified.
         * @function toObject
         * @memberof onnx.ShardingSpecProto
         * @static
         * @param {onnx.ShardingSpecProto} m ShardingSpecProto
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        ShardingSpecProto.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.device = [];
                d.indexToDeviceGroupMap = [];
                d.shardedDim = [];
            }
            if (o.defaults) {
                d.tensorName = "";
            }
            if (m.tensorName != null && $Object.hasOwnProperty.call(m, "tensorName")) {
                d.tensorName = m.tensorName;
            }
            if (m.device && m.device.length) {
                d.device = $Array(m.device.length);
                for (var j = 0; j < m.device.length; ++j) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.device[j] = typeof m.device[j] === "number" ? $BigInt(m.device[j]) : $util.Long.fromBits(m.device[j].low >>> 0, m.device[j].high >>> 0, false).toBigInt();
                    else if (typeof m.device[j] === "number")
                        d.device[j] = o.longs === $String ? $String(m.device[j]) : m.device[j];
                    else
                        d.device[j] = o.longs === $String ? $util.Long.prototype.toString.call(m.device[j]) : o.longs === $Number ? new $util.LongBits(m.device[j].low >>> 0, m.device[j].high >>> 0).toNumber() : m.device[j];
                }
            }
            if (m.indexToDeviceGroupMap && m.indexToDeviceGroupMap.length) {
                d.indexToDeviceGroupMap = $Array(m.indexToDeviceGroupMap.length);
                for (var j = 0; j < m.indexToDeviceGroupMap.length; ++j) {
                    d.indexToDeviceGroupMap[j] = $root.onnx.IntIntListEntryProto.toObject(m.indexToDeviceGroupMap[j], o, q + 1);
                }
            }
            if (m.shardedDim && m.shardedDim.length) {
                d.shardedDim = $Array(m.shardedDim.length);
                for (var j = 0; j < m.shardedDim.length; ++j) {
                    d.shardedDim[j] = $root.onnx.ShardedDimProto.toObject(m.shardedDim[j], o, q + 1);
                }
            }
            return d;
        };

        /**
         * Converts this ShardingSpecProto to JSON.
         * @function toJSON
         * @memberof onnx.ShardingSpecProto
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        ShardingSpecProto.prototype.toJSON = function() {
            return ShardingSpecProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for ShardingSpecProto
         * @function getTypeUrl
         * @memberof onnx.ShardingSpecProto
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        ShardingSpecProto.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/onnx.ShardingSpecProto";
        };

        return ShardingSpecProto;
    })();

    onnx.ShardedDimProto = (function() {

        /**
         * Properties of a ShardedDimProto.
         * @typedef {Object} onnx.ShardedDimProto.$Properties
         * @property {number|Long|null} [axis] ShardedDimProto axis
         * @property {Array.<onnx.SimpleShardedDimProto.$Properties>|null} [simpleSharding] ShardedDimProto simpleSharding
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ShardedDimProto.
         * @memberof onnx
         * @interface IShardedDimProto
         * @augments onnx.ShardedDimProto.$Properties
         * @deprecated Use onnx.ShardedDimProto.$Properties instead.
         */

        /**
         * Shape of a ShardedDimProto.
         * @typedef {{
         *   axis?: number|Long|null;
         *   simpleSharding?: Array.<onnx.SimpleShardedDimProto.$Shape>|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} onnx.ShardedDimProto.$Shape
         */

        /**
         * Constructs a new ShardedDimProto.
         * @memberof onnx
         * @classdesc Represents a ShardedDimProto.
         * @constructor
         * @param {onnx.ShardedDimProto.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ShardedDimProto = function (p) {
            this.simpleSharding = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * ShardedDimProto axis.
         * @member {number|Long} axis
         * @memberof onnx.ShardedDimProto
         * @instance
         */
        ShardedDimProto.prototype.axis = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * ShardedDimProto simpleSharding.
         * @member {Array.<onnx.SimpleShardedDimProto.$Properties>} simpleSharding
         * @memberof onnx.ShardedDimProto
         * @instance
         */
        ShardedDimProto.prototype.simpleSharding = $util.emptyArray;

        /**
         * Creates a new ShardedDimProto instance using the specified properties.
         * @function create
         * @memberof onnx.ShardedDimProto
         * @static
         * @param {onnx.ShardedDimProto.$Properties=} [properties] Properties to set
         * @returns {onnx.ShardedDimProto} ShardedDimProto instance
         * @type {{
         *   (properties: onnx.ShardedDimProto.$Shape): onnx.ShardedDimProto & onnx.ShardedDimProto.$Shape;
         *   (properties?: onnx.ShardedDimProto.$Properties): onnx.ShardedDimProto;
         * }}
         */
        ShardedDimProto.create = function(properties) {
            return new ShardedDimProto(properties);
        };

        /**
         * Encodes the specified ShardedDimProto message. Does not implicitly {@link onnx.ShardedDimProto.verify|verify} messages.
         * @function encode
         * @memberof onnx.ShardedDimProto
         * @static
         * @param {onnx.ShardedDimProto.$Properties} m ShardedDimProto message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ShardedDimProto.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.axis != null && $Object.hasOwnProperty.call(m, "axis"))
                w.uint32(/* id 1, wireType 0 =*/8).int64(m.axis);
            if (m.simpleSharding != null && m.simpleSharding.length) {
                for (var i = 0; i < m.simpleSharding.length; ++i)
                    $root.onnx.SimpleShardedDimProto.encode(m.simpleSharding[i], w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a ShardedDimProto message from the specified reader or buffer.
         * @function decode
         * @memberof onnx.ShardedDimProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {onnx.ShardedDimProto & onnx.ShardedDimProto.$Shape} ShardedDimProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ShardedDimProto.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.onnx.ShardedDimProto();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        m.axis = r.int64();
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if (!(m.simpleSharding && m.simpleSharding.length))
                            m.simpleSharding = [];
                        m.simpleSharding.push($root.onnx.SimpleShardedDimProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Creates a ShardedDimProto message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof onnx.ShardedDimProto
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {onnx.ShardedDimProto} ShardedDimProto
         */
        ShardedDimProto.fromObject = function (d, q) {
            if (d instanceof $root.onnx.ShardedDimProto)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".onnx.ShardedDimProto: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.onnx.ShardedDimProto();
            if (d.axis != null) {
                if ($util.Long)
                    m.axis = $util.Long.fromValue(d.axis, false);
                else if (typeof d.axis === "string")
                    m.axis = $parseInt(d.axis, 10);
                else if (typeof d.axis === "number")
                    m.axis = d.axis;
                else if (typeof d.axis === "object")
                    m.axis = new $util.LongBits(d.axis.low >>> 0, d.axis.high >>> 0).toNumber();
            }
            if (d.simpleSharding) {
                if (!$Array.isArray(d.simpleSharding))
                    throw $TypeError(".onnx.ShardedDimProto.simpleSharding: array expected");
                m.simpleSharding = $Array(d.simpleSharding.length);
                for (var i = 0; i < d.simpleSharding.length; ++i) {
                    if (!$util.isObject(d.simpleSharding[i]))
                        throw $TypeError(".onnx.ShardedDimProto.simpleSharding: object expected");
                    m.simpleSharding[i] = $root.onnx.SimpleShardedDimProto.fromObject(d.simpleSharding[i], q + 1);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a ShardedDimProto message. Also converts values to other types if specified.
         * @function toObject
         * @memberof onnx.ShardedDimProto
         * @static
         * @param {onnx.ShardedDimProto} m ShardedDimProto
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        ShardedDimProto.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.simpleSharding = [];
            }
            if (o.defaults) {
                if ($util.Long) {
                    var n = new $util.Long(0, 0, false);
                    d.axis = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.axis = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
            }
            if (m.axis != null && $Object.hasOwnProperty.call(m, "axis")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.axis = typeof m.axis === "number" ? $BigInt(m.axis) : $util.Long.fromBits(m.axis.low >>> 0, m.axis.high >>> 0, false).toBigInt();
                else if (typeof m.axis === "number")
                    d.axis = o.longs === $String ? $String(m.axis) : m.axis;
                else
                    d.axis = o.longs === $String ? $util.Long.prototype.toString.call(m.axis) : o.longs === $Number ? new $util.LongBits(m.axis.low >>> 0, m.axis.high >>> 0).toNumber() : m.axis;
            }
            if (m.simpleSharding && m.simpleSharding.length) {
                d.simpleSharding = $Array(m.simpleSharding.length);
                for (var j = 0; j < m.simpleSharding.length; ++j) {
                    d.simpleSharding[j] = $root.onnx.SimpleShardedDimProto.toObject(m.simpleSharding[j], o, q + 1);
                }
            }
            return d;
        };

        /**
         * Converts this ShardedDimProto to JSON.
         * @function toJSON
         * @memberof onnx.ShardedDimProto
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        ShardedDimProto.prototype.toJSON = function() {
            return ShardedDimProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for ShardedDimProto
         * @function getTypeUrl
         * @memberof onnx.ShardedDimProto
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        ShardedDimProto.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/onnx.ShardedDimProto";
        };

        return ShardedDimProto;
    })();

    onnx.SimpleShardedDimProto = (function() {

        /**
         * Properties of a SimpleShardedDimProto.
         * @typedef {Object} onnx.SimpleShardedDimProto.$Properties
         * @property {number|Long|null} [dimValue] SimpleShardedDimProto dimValue
         * @property {string|null} [dimParam] SimpleShardedDimProto dimParam
         * @property {number|Long|null} [numShards] SimpleShardedDimProto numShards
         * @property {"dimValue"|"dimParam"} [dim] SimpleShardedDimProto dim
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SimpleShardedDimProto.
         * @memberof onnx
         * @interface ISimpleShardedDimProto
         * @augments onnx.SimpleShardedDimProto.$Properties
         * @deprecated Use onnx.SimpleShardedDimProto.$Properties instead.
         */

        /**
         * Narrowed shape of a SimpleShardedDimProto.
         * @typedef {{
         *   dimValue?: number|Long|null;
         *   dimParam?: string|null;
         *   numShards?: number|Long|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ dim?: undefined; dimValue?: null; dimParam?: null }|{ dim?: "dimValue"; dimValue: number|Long; dimParam?: null }|{ dim?: "dimParam"; dimValue?: null; dimParam: string })
         * )} onnx.SimpleShardedDimProto.$Shape
         */

        /**
         * Constructs a new SimpleShardedDimProto.
         * @memberof onnx
         * @classdesc Represents a SimpleShardedDimProto.
         * @constructor
         * @param {onnx.SimpleShardedDimProto.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SimpleShardedDimProto = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * SimpleShardedDimProto dimValue.
         * @member {number|Long|null|undefined} dimValue
         * @memberof onnx.SimpleShardedDimProto
         * @instance
         */
        SimpleShardedDimProto.prototype.dimValue = null;

        /**
         * SimpleShardedDimProto dimParam.
         * @member {string|null|undefined} dimParam
         * @memberof onnx.SimpleShardedDimProto
         * @instance
         */
        SimpleShardedDimProto.prototype.dimParam = null;

        /**
         * SimpleShardedDimProto numShards.
         * @member {number|Long} numShards
         * @memberof onnx.SimpleShardedDimProto
         * @instance
         */
        SimpleShardedDimProto.prototype.numShards = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * SimpleShardedDimProto dim.
         * @member {"dimValue"|"dimParam"|undefined} dim
         * @memberof onnx.SimpleShardedDimProto
         * @instance
         */
        $Object.defineProperty(SimpleShardedDimProto.prototype, "dim", {
            get: $util.oneOfGetter($oneOfFields = ["dimValue", "dimParam"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new SimpleShardedDimProto instance using the specified properties.
         * @function create
         * @memberof onnx.SimpleShardedDimProto
         * @static
         * @param {onnx.SimpleShardedDimProto.$Properties=} [properties] Properties to set
         * @returns {onnx.SimpleShardedDimProto} SimpleShardedDimProto instance
         * @type {{
         *   (properties: onnx.SimpleShardedDimProto.$Shape): onnx.SimpleShardedDimProto & onnx.SimpleShardedDimProto.$Shape;
         *   (properties?: onnx.SimpleShardedDimProto.$Properties): onnx.SimpleShardedDimProto;
         * }}
         */
        SimpleShardedDimProto.create = function(properties) {
            return new SimpleShardedDimProto(properties);
        };

        /**
         * Encodes the specified SimpleShardedDimProto message. Does not implicitly {@link onnx.SimpleShardedDimProto.verify|verify} messages.
         * @function encode
         * @memberof onnx.SimpleShardedDimProto
         * @static
         * @param {onnx.SimpleShardedDimProto.$Properties} m SimpleShardedDimProto message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SimpleShardedDimProto.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.dimValue != null && $Object.hasOwnProperty.call(m, "dimValue"))
                w.uint32(/* id 1, wireType 0 =*/8).int64(m.dimValue);
            if (m.dimParam != null && $Object.hasOwnProperty.call(m, "dimParam"))
                w.uint32(/* id 2, wireType 2 =*/18).string(m.dimParam);
            if (m.numShards != null && $Object.hasOwnProperty.call(m, "numShards"))
                w.uint32(/* id 3, wireType 0 =*/24).int64(m.numShards);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a SimpleShardedDimProto message from the specified reader or buffer.
         * @function decode
         * @memberof onnx.SimpleShardedDimProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {onnx.SimpleShardedDimProto & onnx.SimpleShardedDimProto.$Shape} SimpleShardedDimProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SimpleShardedDimProto.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.onnx.SimpleShardedDimProto();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        m.dimValue = r.int64();
                        m.dim = "dimValue";
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        m.dimParam = r.string();
                        m.dim = "dimParam";
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        m.numShards = r.int64();
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Creates a SimpleShardedDimProto message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof onnx.SimpleShardedDimProto
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {onnx.SimpleShardedDimProto} SimpleShardedDimProto
         */
        SimpleShardedDimProto.fromObject = function (d, q) {
            if (d instanceof $root.onnx.SimpleShardedDimProto)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".onnx.SimpleShardedDimProto: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.onnx.SimpleShardedDimProto();
            if (d.dimValue != null) {
                if ($util.Long)
                    m.dimValue = $util.Long.fromValue(d.dimValue, false);
                else if (typeof d.dimValue === "string")
                    m.dimValue = $parseInt(d.dimValue, 10);
                else if (typeof d.dimValue === "number")
                    m.dimValue = d.dimValue;
                else if (typeof d.dimValue === "object")
                    m.dimValue = new $util.LongBits(d.dimValue.low >>> 0, d.dimValue.high >>> 0).toNumber();
            }
            if (d.dimParam != null) {
                m.dimParam = $String(d.dimParam);
            }
            if (d.numShards != null) {
                if ($util.Long)
                    m.numShards = $util.Long.fromValue(d.numShards, false);
                else if (typeof d.numShards === "string")
                    m.numShards = $parseInt(d.numShards, 10);
                else if (typeof d.numShards === "number")
                    m.numShards = d.numShards;
                else if (typeof d.numShards === "object")
                    m.numShards = new $util.LongBits(d.numShards.low >>> 0, d.numShards.high >>> 0).toNumber();
            }
            return m;
        };

        /**
         * Creates a plain object from a SimpleShardedDimProto message. Also converts values to other types if specified.
         * @function toObject
         * @memberof onnx.SimpleShardedDimProto
         * @static
         * @param {onnx.SimpleShardedDimProto} m SimpleShardedDimProto
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        SimpleShardedDimProto.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                if ($util.Long) {
                    var n = new $util.Long(0, 0, false);
                    d.numShards = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.numShards = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
            }
            if (m.dimValue != null && $Object.hasOwnProperty.call(m, "dimValue")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.dimValue = typeof m.dimValue === "number" ? $BigInt(m.dimValue) : $util.Long.fromBits(m.dimValue.low >>> 0, m.dimValue.high >>> 0, false).toBigInt();
                else if (typeof m.dimValue === "number")
                    d.dimValue = o.longs === $String ? $String(m.dimValue) : m.dimValue;
                else
                    d.dimValue = o.longs === $String ? $util.Long.prototype.toString.call(m.dimValue) : o.longs === $Number ? new $util.LongBits(m.dimValue.low >>> 0, m.dimValue.high >>> 0).toNumber() : m.dimValue;
                if (o.oneofs)
                    d.dim = "dimValue";
            }
            if (m.dimParam != null && $Object.hasOwnProperty.call(m, "dimParam")) {
                d.dimParam = m.dimParam;
                if (o.oneofs)
                    d.dim = "dimParam";
            }
            if (m.numShards != null && $Object.hasOwnProperty.call(m, "numShards")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.numShards = typeof m.numShards === "number" ? $BigInt(m.numShards) : $util.Long.fromBits(m.numShards.low >>> 0, m.numShards.high >>> 0, false).toBigInt();
                else if (typeof m.numShards === "number")
                    d.numShards = o.longs === $String ? $String(m.numShards) : m.numShards;
                else
                    d.numShards = o.longs === $String ? $util.Long.prototype.toString.call(m.numShards) : o.longs === $Number ? new $util.LongBits(m.numShards.low >>> 0, m.numShards.high >>> 0).toNumber() : m.numShards;
            }
            return d;
        };

        /**
         * Converts this SimpleShardedDimProto to JSON.
         * @function toJSON
         * @memberof onnx.SimpleShardedDimProto
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        SimpleShardedDimProto.prototype.toJSON = function() {
            return SimpleShardedDimProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for SimpleShardedDimProto
         * @function getTypeUrl
         * @memberof onnx.SimpleShardedDimProto
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        SimpleShardedDimProto.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/onnx.SimpleShardedDimProto";
        };

        return SimpleShardedDimProto;
    })();

    onnx.TrainingInfoProto = (function() {

        /**
         * Properties of a TrainingInfoProto.
         * @typedef {Object} onnx.TrainingInfoProto.$Properties
         * @property {onnx.GraphProto.$Properties|null} [initialization] TrainingInfoProto initialization
         * @property {onnx.GraphProto.$Properties|null} [algorithm] TrainingInfoProto algorithm
         * @property {Array.<onnx.StringStringEntryProto.$Properties>|null} [initializationBinding] TrainingInfoProto initializationBinding
         * @property {Array.<onnx.StringStringEntryProto.$Properties>|null} [updateBinding] TrainingInfoProto updateBinding
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TrainingInfoProto.
         * @memberof onnx
         * @interface ITrainingInfoProto
         * @augments onnx.TrainingInfoProto.$Properties
         * @deprecated Use onnx.TrainingInfoProto.$Properties instead.
         */

        /**
         * Shape of a TrainingInfoProto.
         * @typedef {{
         *   initialization?: onnx.GraphProto.$Shape|null;
         *   algorithm?: onnx.GraphProto.$Shape|null;
         *   initializationBinding?: Array.<onnx.StringStringEntryProto.$Shape>|null;
         *   updateBinding?: Array.<onnx.StringStringEntryProto.$Shape>|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} onnx.TrainingInfoProto.$Shape
         */

        /**
         * Constructs a new TrainingInfoProto.
         * @memberof onnx
         * @classdesc Represents a TrainingInfoProto.
         * @constructor
         * @param {onnx.TrainingInfoProto.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TrainingInfoProto = function (p) {
            this.initializationBinding = [];
            this.updateBinding = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * TrainingInfoProto initialization.
         * @member {onnx.GraphProto.$Properties|null|undefined} initialization
         * @memberof onnx.TrainingInfoProto
         * @instance
         */
        TrainingInfoProto.prototype.initialization = null;

        /**
         * TrainingInfoProto algorithm.
         * @member {onnx.GraphProto.$Properties|null|undefined} algorithm
         * @memberof onnx.TrainingInfoProto
         * @instance
         */
        TrainingInfoProto.prototype.algorithm = null;

        /**
         * TrainingInfoProto initializationBinding.
         * @member {Array.<onnx.StringStringEntryProto.$Properties>} initializationBinding
         * @memberof onnx.TrainingInfoProto
         * @instance
         */
        TrainingInfoProto.prototype.initializationBinding = $util.emptyArray;

        /**
         * TrainingInfoProto updateBinding.
         * @member {Array.<onnx.StringStringEntryProto.$Properties>} updateBinding
         * @memberof onnx.TrainingInfoProto
         * @instance
         */
        TrainingInfoProto.prototype.updateBinding = $util.emptyArray;

        /**
         * Creates a new TrainingInfoProto instance using the specified properties.
         * @function create
         * @memberof onnx.TrainingInfoProto
         * @static
         * @param {onnx.TrainingInfoProto.$Properties=} [properties] Properties to set
         * @returns {onnx.TrainingInfoProto} TrainingInfoProto instance
         * @type {{
         *   (properties: onnx.TrainingInfoProto.$Shape): onnx.TrainingInfoProto & onnx.TrainingInfoProto.$Shape;
         *   (properties?: onnx.TrainingInfoProto.$Properties): onnx.TrainingInfoProto;
         * }}
         */
        TrainingInfoProto.create = function(properties) {
            return new TrainingInfoProto(properties);
        };

        /**
         * Encodes the specified TrainingInfoProto message. Does not implicitly {@link onnx.TrainingInfoProto.verify|verify} messages.
         * @function encode
         * @memberof onnx.TrainingInfoProto
         * @static
         * @param {onnx.TrainingInfoProto.$Properties} m TrainingInfoProto message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TrainingInfoProto.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.initialization != null && $Object.hasOwnProperty.call(m, "initialization"))
                $root.onnx.GraphProto.encode(m.initialization, w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
            if (m.algorithm != null && $Object.hasOwnProperty.call(m, "algorithm"))
                $root.onnx.GraphProto.encode(m.algorithm, w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
            if (m.initializationBinding != null && m.initializationBinding.length) {
                for (var i = 0; i < m.initializationBinding.length; ++i)
                    $root.onnx.StringStringEntryProto.encode(m.initializationBinding[i], w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
            }
            if (m.updateBinding != null && m.updateBinding.length) {
                for (var i = 0; i < m.updateBinding.length; ++i)
                    $root.onnx.StringStringEntryProto.encode(m.updateBinding[i], w.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a TrainingInfoProto message from the specified reader or buffer.
         * @function decode
         * @memberof onnx.TrainingInfoProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {onnx.TrainingInfoProto & onnx.TrainingInfoProto.$Shape} TrainingInfoProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TrainingInfoProto.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.onnx.TrainingInfoProto();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        m.initialization = $root.onnx.GraphProto.decode(r, r.size(), $undefined, q + 1, m.initialization);
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        m.algorithm = $root.onnx.GraphProto.decode(r, r.size(), $undefined, q + 1, m.algorithm);
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if (!(m.initializationBinding && m.initializationBinding.length))
                            m.initializationBinding = [];
                        m.initializationBinding.push($root.onnx.StringStringEntryProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if (!(m.updateBinding && m.updateBinding.length))
                            m.updateBinding = [];
                        m.updateBinding.push($root.onnx.StringStringEntryProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Creates a TrainingInfoProto message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof onnx.TrainingInfoProto
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {onnx.TrainingInfoProto} TrainingInfoProto
         */
        TrainingInfoProto.fromObject = function (d, q) {
            if (d instanceof $root.onnx.TrainingInfoProto)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".onnx.TrainingInfoProto: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.onnx.TrainingInfoProto();
            if (d.initialization != null) {
                if (!$util.isObject(d.initialization))
                    throw $TypeError(".onnx.TrainingInfoProto.initialization: object expected");
                m.initialization = $root.onnx.GraphProto.fromObject(d.initialization, q + 1);
            }
            if (d.algorithm != null) {
                if (!$util.isObject(d.algorithm))
                    throw $TypeError(".onnx.TrainingInfoProto.algorithm: object expected");
                m.algorithm = $root.onnx.GraphProto.fromObject(d.algorithm, q + 1);
            }
            if (d.initializationBinding) {
                if (!$Array.isArray(d.initializationBinding))
                    throw $TypeError(".onnx.TrainingInfoProto.initializationBinding: array expected");
                m.initializationBinding = $Array(d.initializationBinding.length);
                for (var i = 0; i < d.initializationBinding.length; ++i) {
                    if (!$util.isObject(d.initializationBinding[i]))
                        throw $TypeError(".onnx.TrainingInfoProto.initializationBinding: object expected");
                    m.initializationBinding[i] = $root.onnx.StringStringEntryProto.fromObject(d.initializationBinding[i], q + 1);
                }
            }
            if (d.updateBinding) {
                if (!$Array.isArray(d.updateBinding))
                    throw $TypeError(".onnx.TrainingInfoProto.updateBinding: array expected");
                m.updateBinding = $Array(d.updateBinding.length);
                for (var i = 0; i < d.updateBinding.length; ++i) {
                    if (!$util.isObject(d.updateBinding[i]))
                        throw $TypeError(".onnx.TrainingInfoProto.updateBinding: object expected");
                    m.updateBinding[i] = $root.onnx.StringStringEntryProto.fromObject(d.updateBinding[i], q + 1);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a TrainingInfoProto message. Also converts values to other types if specified.
         * @function toObject
         * @memberof onnx.TrainingInfoProto
         * @static
         * @param {onnx.TrainingInfoProto} m TrainingInfoProto
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        TrainingInfoProto.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.initializationBinding = [];
                d.updateBinding = [];
            }
            if (o.defaults) {
                d.initialization = null;
                d.algorithm = null;
            }
            if (m.initialization != null && $Object.hasOwnProperty.call(m, "initialization")) {
                d.initialization = $root.onnx.GraphProto.toObject(m.initialization, o, q + 1);
            }
            if (m.algorithm != null && $Object.hasOwnProperty.call(m, "algorithm")) {
                d.algorithm = $root.onnx.GraphProto.toObject(m.algorithm, o, q + 1);
            }
            if (m.initializationBinding && m.initializationBinding.length) {
                d.initializationBinding = $Array(m.initializationBinding.length);
                for (var j = 0; j < m.initializationBinding.length; ++j) {
                    d.initializationBinding[j] = $root.onnx.StringStringEntryProto.toObject(m.initializationBinding[j], o, q + 1);
                }
            }
            if (m.updateBinding && m.updateBinding.length) {
                d.updateBinding = $Array(m.updateBinding.length);
                for (var j = 0; j < m.updateBinding.length; ++j) {
                    d.updateBinding[j] = $root.onnx.StringStringEntryProto.toObject(m.updateBinding[j], o, q + 1);
                }
            }
            return d;
        };

        /**
         * Converts this TrainingInfoProto to JSON.
         * @function toJSON
         * @memberof onnx.TrainingInfoProto
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        TrainingInfoProto.prototype.toJSON = function() {
            return TrainingInfoProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for TrainingInfoProto
         * @function getTypeUrl
         * @memberof onnx.TrainingInfoProto
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        TrainingInfoProto.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/onnx.TrainingInfoProto";
        };

        return TrainingInfoProto;
    })();

    onnx.ModelProto = (function() {

        /**
         * Properties of a ModelProto.
         * @typedef {Object} onnx.ModelProto.$Properties
         * @property {number|Long|null} [irVersion] ModelProto irVersion
         * @property {Array.<onnx.OperatorSetIdProto.$Properties>|null} [opsetImport] ModelProto opsetImport
         * @property {string|null} [producerName] ModelProto producerName
         * @property {string|null} [producerVersion] ModelProto producerVersion
         * @property {string|null} [domain] ModelProto domain
         * @property {number|Long|null} [modelVersion] ModelProto modelVersion
         * @property {string|null} [docString] ModelProto docString
         * @property {onnx.GraphProto.$Properties|null} [graph] ModelProto graph
         * @property {Array.<onnx.StringStringEntryProto.$Properties>|null} [metadataProps] ModelProto metadataProps
         * @property {Array.<onnx.TrainingInfoProto.$Properties>|null} [trainingInfo] ModelProto trainingInfo
         * @property {Array.<onnx.FunctionProto.$Properties>|null} [functions] ModelProto functions
         * @property {Array.<onnx.DeviceConfigurationProto.$Properties>|null} [configuration] ModelProto configuration
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ModelProto.
         * @memberof onnx
         * @interface IModelProto
         * @augments onnx.ModelProto.$Properties
         * @deprecated Use onnx.ModelProto.$Properties instead.
         */

        /**
         * Shape of a ModelProto.
         * @typedef {{
         *   irVersion?: number|Long|null;
         *   opsetImport?: Array.<onnx.OperatorSetIdProto.$Shape>|null;
         *   producerName?: string|null;
         *   producerVersion?: string|null;
         *   domain?: string|null;
         *   modelVersion?: number|Long|null;
         *   docString?: string|null;
         *   graph?: onnx.GraphProto.$Shape|null;
         *   metadataProps?: Array.<onnx.StringStringEntryProto.$Shape>|null;
         *   trainingInfo?: Array.<onnx.TrainingInfoProto.$Shape>|null;
         *   functions?: Array.<onnx.FunctionProto.$Shape>|null;
         *   configuration?: Array.<onnx.DeviceConfigurationProto.$Shape>|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} onnx.ModelProto.$Shape
         */

        /**
         * Constructs a new ModelProto.
         * @memberof onnx
         * @classdesc Represents a ModelProto.
         * @constructor
         * @param {onnx.ModelProto.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ModelProto = function (p) {
            this.opsetImport = [];
            this.metadataProps = [];
            this.trainingInfo = [];
            this.functions = [];
            this.configuration = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * ModelProto irVersion.
         * @member {number|Long} irVersion
         * @memberof onnx.ModelProto
         * @instance
         */
        ModelProto.prototype.irVersion = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * ModelProto opsetImport.
         * @member {Array.<onnx.OperatorSetIdProto.$Properties>} opsetImport
         * @memberof onnx.ModelProto
         * @instance
         */
        ModelProto.prototype.opsetImport = $util.emptyArray;

        /**
         * ModelProto producerName.
         * @member {string} producerName
         * @memberof onnx.ModelProto
         * @instance
         */
        ModelProto.prototype.producerName = "";

        /**
         * ModelProto producerVersion.
         * @member {string} producerVersion
         * @memberof onnx.ModelProto
         * @instance
         */
        ModelProto.prototype.producerVersion = "";

        /**
         * ModelProto domain.
         * @member {string} domain
         * @memberof onnx.ModelProto
         * @instance
         */
        ModelProto.prototype.domain = "";

        /**
         * ModelProto modelVersion.
         * @member {number|Long} modelVersion
         * @memberof onnx.ModelProto
         * @instance
         */
        ModelProto.prototype.modelVersion = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * ModelProto docString.
         * @member {string} docString
         * @memberof onnx.ModelProto
         * @instance
         */
        ModelProto.prototype.docString = "";

        /**
         * ModelProto graph.
         * @member {onnx.GraphProto.$Properties|null|undefined} graph
         * @memberof onnx.ModelProto
         * @instance
         */
        ModelProto.prototype.graph = null;

        /**
         * ModelProto metadataProps.
         * @member {Array.<onnx.StringStringEntryProto.$Properties>} metadataProps
         * @memberof onnx.ModelProto
         * @instance
         */
        ModelProto.prototype.metadataProps = $util.emptyArray;

        /**
         * ModelProto trainingInfo.
         * @member {Array.<onnx.TrainingInfoProto.$Properties>} trainingInfo
         * @memberof onnx.ModelProto
         * @instance
         */
        ModelProto.prototype.trainingInfo = $util.emptyArray;

        /**
         * ModelProto functions.
         * @member {Array.<onnx.FunctionProto.$Properties>} functions
         * @memberof onnx.ModelProto
         * @instance
         */
        ModelProto.prototype.functions = $util.emptyArray;

        /**
         * ModelProto configuration.
         * @member {Array.<onnx.DeviceConfigurationProto.$Properties>} configuration
         * @memberof onnx.ModelProto
         * @instance
         */
        ModelProto.prototype.configuration = $util.emptyArray;

        /**
         * Creates a new ModelProto instance using the specified properties.
         * @function create
         * @memberof onnx.ModelProto
         * @static
         * @param {onnx.ModelProto.$Properties=} [properties] Properties to set
         * @returns {onnx.ModelProto} ModelProto instance
         * @type {{
         *   (properties: onnx.ModelProto.$Shape): onnx.ModelProto & onnx.ModelProto.$Shape;
         *   (properties?: onnx.ModelProto.$Properties): onnx.ModelProto;
         * }}
         */
        ModelProto.create = function(properties) {
            return new ModelProto(properties);
        };

        /**
         * Encodes the specified ModelProto message. Does not implicitly {@link onnx.ModelProto.verify|verify} messages.
         * @function encode
         * @memberof onnx.ModelProto
         * @static
         * @param {onnx.ModelProto.$Properties} m ModelProto message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ModelProto.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.irVersion != null && $Object.hasOwnProperty.call(m, "irVersion"))
                w.uint32(/* id 1, wireType 0 =*/8).int64(m.irVersion);
            if (m.producerName != null && $Object.hasOwnProperty.call(m, "producerName"))
                w.uint32(/* id 2, wireType 2 =*/18).string(m.producerName);
            if (m.producerVersion != null && $Object.hasOwnProperty.call(m, "producerVersion"))
                w.uint32(/* id 3, wireType 2 =*/26).string(m.producerVersion);
            if (m.domain != null && $Object.hasOwnProperty.call(m, "domain"))
                w.uint32(/* id 4, wireType 2 =*/34).string(m.domain);
            if (m.modelVersion != null && $Object.hasOwnProperty.call(m, "modelVersion"))
                w.uint32(/* id 5, wireType 0 =*/40).int64(m.modelVersion);
            if (m.docString != null && $Object.hasOwnProperty.call(m, "docString"))
                w.uint32(/* id 6, wireType 2 =*/50).string(m.docString);
            if (m.graph != null && $Object.hasOwnProperty.call(m, "graph"))
                $root.onnx.GraphProto.encode(m.graph, w.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
            if (m.opsetImport != null && m.opsetImport.length) {
                for (var i = 0; i < m.opsetImport.length; ++i)
                    $root.onnx.OperatorSetIdProto.encode(m.opsetImport[i], w.uint32(/* id 8, wireType 2 =*/66).fork(), q + 1).ldelim();
            }
            if (m.metadataProps != null && m.metadataProps.length) {
                for (var i = 0; i < m.metadataProps.length; ++i)
                    $root.onnx.StringStringEntryProto.encode(m.metadataProps[i], w.uint32(/* id 14, wireType 2 =*/114).fork(), q + 1).ldelim();
            }
            if (m.trainingInfo != null && m.trainingInfo.length) {
                for (var i = 0; i < m.trainingInfo.length; ++i)
                    $root.onnx.TrainingInfoProto.encode(m.trainingInfo[i], w.uint32(/* id 20, wireType 2 =*/162).fork(), q + 1).ldelim();
            }
            if (m.functions != null && m.functions.length) {
                for (var i = 0; i < m.functions.length; ++i)
                    $root.onnx.FunctionProto.encode(m.functions[i], w.uint32(/* id 25, wireType 2 =*/202).fork(), q + 1).ldelim();
            }
            if (m.configuration != null && m.configuration.length) {
                for (var i = 0; i < m.configuration.length; ++i)
                    $root.onnx.DeviceConfigurationProto.encode(m.configuration[i], w.uint32(/* id 26, wireType 2 =*/210).fork(), q + 1).ldelim();
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a ModelProto message from the specified reader or buffer.
         * @function decode
         * @memberof onnx.ModelProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {onnx.ModelProto & onnx.ModelProto.$Shape} ModelProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ModelProto.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.onnx.ModelProto();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        m.irVersion = r.int64();
                        continue;
                    }
                case 8: {
                        if (u !== 2)
                            break;
                        if (!(m.opsetImport && m.opsetImport.length))
                            m.opsetImport = [];
                        m.opsetImport.push($root.onnx.OperatorSetIdProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        m.producerName = r.string();
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        m.producerVersion = r.string();
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        m.domain = r.string();
                        continue;
                    }
                case 5: {
                        if (u !== 0)
                            break;
                        m.modelVersion = r.int64();
                        continue;
                    }
                case 6: {
                        if (u !== 2)
                            break;
                        m.docString = r.string();
                        continue;
                    }
                case 7: {
                        if (u !== 2)
                            break;
                        m.graph = $root.onnx.GraphProto.decode(r, r.size(), $undefined, q + 1, m.graph);
                        continue;
                    }
                case 14: {
                        if (u !== 2)
                            break;
                        if (!(m.metadataProps && m.metadataProps.length))
                            m.metadataProps = [];
                        m.metadataProps.push($root.onnx.StringStringEntryProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 20: {
                        if (u !== 2)
                            break;
                        if (!(m.trainingInfo && m.trainingInfo.length))
                            m.trainingInfo = [];
                        m.trainingInfo.push($root.onnx.TrainingInfoProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 25: {
                        if (u !== 2)
                            break;
                        if (!(m.functions && m.functions.length))
                            m.functions = [];
                        m.functions.push($root.onnx.FunctionProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 26: {
                        if (u !== 2)
                            break;
                        if (!(m.configuration && m.configuration.length))
                            m.configuration = [];
                        m.configuration.push($root.onnx.DeviceConfigurationProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Creates a ModelProto message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof onnx.ModelProto
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {onnx.ModelProto} ModelProto
         */
        ModelProto.fromObject = function (d, q) {
            if (d instanceof $root.onnx.ModelProto)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".onnx.ModelProto: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.onnx.ModelProto();
            if (d.irVersion != null) {
                if ($util.Long)
                    m.irVersion = $util.Long.fromValue(d.irVersion, false);
                else if (typeof d.irVersion === "string")
                    m.irVersion = $parseInt(d.irVersion, 10);
                else if (typeof d.irVersion === "number")
                    m.irVersion = d.irVersion;
                else if (typeof d.irVersion === "object")
                    m.irVersion = new $util.LongBits(d.irVersion.low >>> 0, d.irVersion.high >>> 0).toNumber();
            }
            if (d.opsetImport) {
                if (!$Array.isArray(d.opsetImport))
                    throw $TypeError(".onnx.ModelProto.opsetImport: array expected");
                m.opsetImport = $Array(d.opsetImport.length);
                for (var i = 0; i < d.opsetImport.length; ++i) {
                    if (!$util.isObject(d.opsetImport[i]))
                        throw $TypeError(".onnx.ModelProto.opsetImport: object expected");
                    m.opsetImport[i] = $root.onnx.OperatorSetIdProto.fromObject(d.opsetImport[i], q + 1);
                }
            }
            if (d.producerName != null) {
                m.producerName = $String(d.producerName);
            }
            if (d.producerVersion != null) {
                m.producerVersion = $String(d.producerVersion);
            }
            if (d.domain != null) {
                m.domain = $String(d.domain);
            }
            if (d.modelVersion != null) {
                if ($util.Long)
                    m.modelVersion = $util.Long.fromValue(d.modelVersion, false);
                else if (typeof d.modelVersion === "string")
                    m.modelVersion = $parseInt(d.modelVersion, 10);
                else if (typeof d.modelVersion === "number")
                    m.modelVersion = d.modelVersion;
                else if (typeof d.modelVersion === "object")
                    m.modelVersion = new $util.LongBits(d.modelVersion.low >>> 0, d.modelVersion.high >>> 0).toNumber();
            }
            if (d.docString != null) {
                m.docString = $String(d.docString);
            }
            if (d.graph != null) {
                if (!$util.isObject(d.graph))
                    throw $TypeError(".onnx.ModelProto.graph: object expected");
                m.graph = $root.onnx.GraphProto.fromObject(d.graph, q + 1);
            }
            if (d.metadataProps) {
                if (!$Array.isArray(d.metadataProps))
                    throw $TypeError(".onnx.ModelProto.metadataProps: array expected");
                m.metadataProps = $Array(d.metadataProps.length);
                for (var i = 0; i < d.metadataProps.length; ++i) {
                    if (!$util.isObject(d.metadataProps[i]))
                        throw $TypeError(".onnx.ModelProto.metadataProps: object expected");
                    m.metadataProps[i] = $root.onnx.StringStringEntryProto.fromObject(d.metadataProps[i], q + 1);
                }
            }
            if (d.trainingInfo) {
                if (!$Array.isArray(d.trainingInfo))
                    throw $TypeError(".onnx.ModelProto.trainingInfo: array expected");
                m.trainingInfo = $Array(d.trainingInfo.length);
                for (var i = 0; i < d.trainingInfo.length; ++i) {
                    if (!$util.isObject(d.trainingInfo[i]))
                        throw $TypeError(".onnx.ModelProto.trainingInfo: object expected");
                    m.trainingInfo[i] = $root.onnx.TrainingInfoProto.fromObject(d.trainingInfo[i], q + 1);
                }
            }
            if (d.functions) {
                if (!$Array.isArray(d.functions))
                    throw $TypeError(".onnx.ModelProto.functions: array expected");
                m.functions = $Array(d.functions.length);
                for (var i = 0; i < d.functions.length; ++i) {
                    if (!$util.isObject(d.functions[i]))
                        throw $TypeError(".onnx.ModelProto.functions: object expected");
                    m.functions[i] = $root.onnx.FunctionProto.fromObject(d.functions[i], q + 1);
                }
            }
            if (d.configuration) {
                if (!$Array.isArray(d.configuration))
                    throw $TypeError(".onnx.ModelProto.configuration: array expected");
                m.configuration = $Array(d.configuration.length);
                for (var i = 0; i < d.configuration.length; ++i) {
                    if (!$util.isObject(d.configuration[i]))
                        throw $TypeError(".onnx.ModelProto.configuration: object expected");
                    m.configuration[i] = $root.onnx.DeviceConfigurationProto.fromObject(d.configuration[i], q + 1);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a ModelProto message. Also converts values to other types if specified.
         * @function toObject
         * @memberof onnx.ModelProto
         * @static
         * @param {onnx.ModelProto} m ModelProto
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        ModelProto.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.opsetImport = [];
                d.metadataProps = [];
                d.trainingInfo = [];
                d.functions = [];
                d.configuration = [];
            }
            if (o.defaults) {
                if ($util.Long) {
                    var n = new $util.Long(0, 0, false);
                    d.irVersion = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.irVersion = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                d.producerName = "";
                d.producerVersion = "";
                d.domain = "";
                if ($util.Long) {
                    var n = new $util.Long(0, 0, false);
                    d.modelVersion = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.modelVersion = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                d.docString = "";
                d.graph = null;
            }
            if (m.irVersion != null && $Object.hasOwnProperty.call(m, "irVersion")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.irVersion = typeof m.irVersion === "number" ? $BigInt(m.irVersion) : $util.Long.fromBits(m.irVersion.low >>> 0, m.irVersion.high >>> 0, false).toBigInt();
                else if (typeof m.irVersion === "number")
                    d.irVersion = o.longs === $String ? $String(m.irVersion) : m.irVersion;
                else
                    d.irVersion = o.longs === $String ? $util.Long.prototype.toString.call(m.irVersion) : o.longs === $Number ? new $util.LongBits(m.irVersion.low >>> 0, m.irVersion.high >>> 0).toNumber() : m.irVersion;
            }
            if (m.producerName != null && $Object.hasOwnProperty.call(m, "producerName")) {
                d.producerName = m.producerName;
            }
            if (m.producerVersion != null && $Object.hasOwnProperty.call(m, "producerVersion")) {
                d.producerVersion = m.producerVersion;
            }
            if (m.domain != null && $Object.hasOwnProperty.call(m, "domain")) {
                d.domain = m.domain;
            }
            if (m.modelVersion != null && $Object.hasOwnProperty.call(m, "modelVersion")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.modelVersion = typeof m.modelVersion === "number" ? $BigInt(m.modelVersion) : $util.Long.fromBits(m.modelVersion.low >>> 0, m.modelVersion.high >>> 0, false).toBigInt();
                else if (typeof m.modelVersion === "number")
                    d.modelVersion = o.longs === $String ? $String(m.modelVersion) : m.modelVersion;
                else
                    d.modelVersion = o.longs === $String ? $util.Long.prototype.toString.call(m.modelVersion) : o.longs === $Number ? new $util.LongBits(m.modelVersion.low >>> 0, m.modelVersion.high >>> 0).toNumber() : m.modelVersion;
            }
            if (m.docString != null && $Object.hasOwnProperty.call(m, "docString")) {
                d.docString = m.docString;
            }
            if (m.graph != null && $Object.hasOwnProperty.call(m, "graph")) {
                d.graph = $root.onnx.GraphProto.toObject(m.graph, o, q + 1);
            }
            if (m.opsetImport && m.opsetImport.length) {
                d.opsetImport = $Array(m.opsetImport.length);
                for (var j = 0; j < m.opsetImport.length; ++j) {
                    d.opsetImport[j] = $root.onnx.OperatorSetIdProto.toObject(m.opsetImport[j], o, q + 1);
                }
            }
            if (m.metadataProps && m.metadataProps.length) {
                d.metadataProps = $Array(m.metadataProps.length);
                for (var j = 0; j < m.metadataProps.length; ++j) {
                    d.metadataProps[j] = $root.onnx.StringStringEntryProto.toObject(m.metadataProps[j], o, q + 1);
                }
            }
            if (m.trainingInfo && m.trainingInfo.length) {
                d.trainingInfo = $Array(m.trainingInfo.length);
                for (var j = 0; j < m.trainingInfo.length; ++j) {
                    d.trainingInfo[j] = $root.onnx.TrainingInfoProto.toObject(m.trainingInfo[j], o, q + 1);
                }
            }
            if (m.functions && m.functions.length) {
                d.functions = $Array(m.functions.length);
                for (var j = 0; j < m.functions.length; ++j) {
                    d.functions[j] = $root.onnx.FunctionProto.toObject(m.functions[j], o, q + 1);
                }
            }
            if (m.configuration && m.configuration.length) {
                d.configuration = $Array(m.configuration.length);
                for (var j = 0; j < m.configuration.length; ++j) {
                    d.configuration[j] = $root.onnx.DeviceConfigurationProto.toObject(m.configuration[j], o, q + 1);
                }
            }
            return d;
        };

        /**
         * Converts this ModelProto to JSON.
         * @function toJSON
         * @memberof onnx.ModelProto
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        ModelProto.prototype.toJSON = function() {
            return ModelProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for ModelProto
         * @function getTypeUrl
         * @memberof onnx.ModelProto
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        ModelProto.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/onnx.ModelProto";
        };

        return ModelProto;
    })();

    onnx.DeviceConfigurationProto = (function() {

        /**
         * Properties of a DeviceConfigurationProto.
         * @typedef {Object} onnx.DeviceConfigurationProto.$Properties
         * @property {string|null} [name] DeviceConfigurationProto name
         * @property {number|null} [numDevices] DeviceConfigurationProto numDevices
         * @property {Array.<string>|null} [device] DeviceConfigurationProto device
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a DeviceConfigurationProto.
         * @memberof onnx
         * @interface IDeviceConfigurationProto
         * @augments onnx.DeviceConfigurationProto.$Properties
         * @deprecated Use onnx.DeviceConfigurationProto.$Properties instead.
         */

        /**
         * Shape of a DeviceConfigurationProto.
         * @typedef {onnx.DeviceConfigurationProto.$Properties} onnx.DeviceConfigurationProto.$Shape
         */

        /**
         * Constructs a new DeviceConfigurationProto.
         * @memberof onnx
         * @classdesc Represents a DeviceConfigurationProto.
         * @constructor
         * @param {onnx.DeviceConfigurationProto.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const DeviceConfigurationProto = function (p) {
            this.device = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * DeviceConfigurationProto name.
         * @member {string} name
         * @memberof onnx.DeviceConfigurationProto
         * @instance
         */
        DeviceConfigurationProto.prototype.name = "";

        /**
         * DeviceConfigurationProto numDevices.
         * @member {number} numDevices
         * @memberof onnx.DeviceConfigurationProto
         * @instance
         */
        DeviceConfigurationProto.prototype.numDevices = 0;

        /**
         * DeviceConfigurationProto device.
         * @member {Array.<string>} device
         * @memberof onnx.DeviceConfigurationProto
         * @instance
         */
        DeviceConfigurationProto.prototype.device = $util.emptyArray;

        /**
         * Creates a new DeviceConfigurationProto instance using the specified properties.
         * @function create
         * @memberof onnx.DeviceConfigurationProto
         * @static
         * @param {onnx.DeviceConfigurationProto.$Properties=} [properties] Properties to set
         * @returns {onnx.DeviceConfigurationProto} DeviceConfigurationProto instance
         * @type {{
         *   (properties: onnx.DeviceConfigurationProto.$Shape): onnx.DeviceConfigurationProto & onnx.DeviceConfigurationProto.$Shape;
         *   (properties?: onnx.DeviceConfigurationProto.$Properties): onnx.DeviceConfigurationProto;
         * }}
         */
        DeviceConfigurationProto.create = function(properties) {
            return new DeviceConfigurationProto(properties);
        };

        /**
         * Encodes the specified DeviceConfigurationProto message. Does not implicitly {@link onnx.DeviceConfigurationProto.verify|verify} messages.
         * @function encode
         * @memberof onnx.DeviceConfigurationProto
         * @static
         * @param {onnx.DeviceConfigurationProto.$Properties} m DeviceConfigurationProto message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        DeviceConfigurationProto.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.name != null && $Object.hasOwnProperty.call(m, "name"))
                w.uint32(/* id 1, wireType 2 =*/10).string(m.name);
            if (m.numDevices != null && $Object.hasOwnProperty.call(m, "numDevices"))
                w.uint32(/* id 2, wireType 0 =*/16).int32(m.numDevices);
            if (m.device != null && m.device.length) {
                for (var i = 0; i < m.device.length; ++i)
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.device[i]);
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a DeviceConfigurationProto message from the specified reader or buffer.
         * @function decode
         * @memberof onnx.DeviceConfigurationProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {onnx.DeviceConfigurationProto & onnx.DeviceConfigurationProto.$Shape} DeviceConfigurationProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        DeviceConfigurationProto.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.onnx.DeviceConfigurationProto();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        m.name = r.string();
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        m.numDevices = r.int32();
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if (!(m.device && m.device.length))
                            m.device = [];
                        m.device.push(r.string());
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Creates a DeviceConfigurationProto message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof onnx.DeviceConfigurationProto
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {onnx.DeviceConfigurationProto} DeviceConfigurationProto
         */
        DeviceConfigurationProto.fromObject = function (d, q) {
            if (d instanceof $root.onnx.DeviceConfigurationProto)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".onnx.DeviceConfigurationProto: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.onnx.DeviceConfigurationProto();
            if (d.name != null) {
                m.name = $String(d.name);
            }
            if (d.numDevices != null) {
                m.numDevices = d.numDevices | 0;
            }
            if (d.device) {
                if (!$Array.isArray(d.device))
                    throw $TypeError(".onnx.DeviceConfigurationProto.device: array expected");
                m.device = $Array(d.device.length);
                for (var i = 0; i < d.device.length; ++i) {
                    m.device[i] = $String(d.device[i]);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a DeviceConfigurationProto message. Also converts values to other types if specified.
         * @function toObject
         * @memberof onnx.DeviceConfigurationProto
         * @static
         * @param {onnx.DeviceConfigurationProto} m DeviceConfigurationProto
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        DeviceConfigurationProto.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.device = [];
            }
            if (o.defaults) {
                d.name = "";
                d.numDevices = 0;
            }
            if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                d.name = m.name;
            }
            if (m.numDevices != null && $Object.hasOwnProperty.call(m, "numDevices")) {
                d.numDevices = m.numDevices;
            }
            if (m.device && m.device.length) {
                d.device = $Array(m.device.length);
                for (var j = 0; j < m.device.length; ++j) {
                    d.device[j] = m.device[j];
                }
            }
            return d;
        };

        /**
         * Converts this DeviceConfigurationProto to JSON.
         * @function toJSON
         * @memberof onnx.DeviceConfigurationProto
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        DeviceConfigurationProto.prototype.toJSON = function() {
            return DeviceConfigurationProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for DeviceConfigurationProto
         * @function getTypeUrl
         * @memberof onnx.DeviceConfigurationProto
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        DeviceConfigurationProto.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/onnx.DeviceConfigurationProto";
        };

        return DeviceConfigurationProto;
    })();

    onnx.StringStringEntryProto = (function() {

        /**
         * Properties of a StringStringEntryProto.
         * @typedef {Object} onnx.StringStringEntryProto.$Properties
         * @property {string|null} [key] StringStringEntryProto key
         * @property {string|null} [value] StringStringEntryProto value
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a StringStringEntryProto.
         * @memberof onnx
         * @interface IStringStringEntryProto
         * @augments onnx.StringStringEntryProto.$Properties
         * @deprecated Use onnx.StringStringEntryProto.$Properties instead.
         */

        /**
         * Shape of a StringStringEntryProto.
         * @typedef {onnx.StringStringEntryProto.$Properties} onnx.StringStringEntryProto.$Shape
         */

        /**
         * Constructs a new StringStringEntryProto.
         * @memberof onnx
         * @classdesc Represents a StringStringEntryProto.
         * @constructor
         * @param {onnx.StringStringEntryProto.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const StringStringEntryProto = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * StringStringEntryProto key.
         * @member {string} key
         * @memberof onnx.StringStringEntryProto
         * @instance
         */
        StringStringEntryProto.prototype.key = "";

        /**
         * StringStringEntryProto value.
         * @member {string} value
         * @memberof onnx.StringStringEntryProto
         * @instance
         */
        StringStringEntryProto.prototype.value = "";

        /**
         * Creates a new StringStringEntryProto instance using the specified properties.
         * @function create
         * @memberof onnx.StringStringEntryProto
         * @static
         * @param {onnx.StringStringEntryProto.$Properties=} [properties] Properties to set
         * @returns {onnx.StringStringEntryProto} StringStringEntryProto instance
         * @type {{
         *   (properties: onnx.StringStringEntryProto.$Shape): onnx.StringStringEntryProto & onnx.StringStringEntryProto.$Shape;
         *   (properties?: onnx.StringStringEntryProto.$Properties): onnx.StringStringEntryProto;
         * }}
         */
        StringStringEntryProto.create = function(properties) {
            return new StringStringEntryProto(properties);
        };

        /**
         * Encodes the specified StringStringEntryProto message. Does not implicitly {@link onnx.StringStringEntryProto.verify|verify} messages.
         * @function encode
         * @memberof onnx.StringStringEntryProto
         * @static
         * @param {onnx.StringStringEntryProto.$Properties} m StringStringEntryProto message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        StringStringEntryProto.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.key != null && $Object.hasOwnProperty.call(m, "key"))
                w.uint32(/* id 1, wireType 2 =*/10).string(m.key);
            if (m.value != null && $Object.hasOwnProperty.call(m, "value"))
                w.uint32(/* id 2, wireType 2 =*/18).string(m.value);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a StringStringEntryProto message from the specified reader or buffer.
         * @function decode
         * @memberof onnx.StringStringEntryProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {onnx.StringStringEntryProto & onnx.StringStringEntryProto.$Shape} StringStringEntryProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        StringStringEntryProto.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.onnx.StringStringEntryProto();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        m.key = r.string();
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        m.value = r.string();
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Creates a StringStringEntryProto message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof onnx.StringStringEntryProto
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {onnx.StringStringEntryProto} StringStringEntryProto
         */
        StringStringEntryProto.fromObject = function (d, q) {
            if (d instanceof $root.onnx.StringStringEntryProto)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".onnx.StringStringEntryProto: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.onnx.StringStringEntryProto();
            if (d.key != null) {
                m.key = $String(d.key);
            }
            if (d.value != null) {
                m.value = $String(d.value);
            }
            return m;
        };

        /**
         * Creates a plain object from a StringStringEntryProto message. Also converts values to other types if specified.
         * @function toObject
         * @memberof onnx.StringStringEntryProto
         * @static
         * @param {onnx.StringStringEntryProto} m StringStringEntryProto
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        StringStringEntryProto.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.key = "";
                d.value = "";
            }
            if (m.key != null && $Object.hasOwnProperty.call(m, "key")) {
                d.key = m.key;
            }
            if (m.value != null && $Object.hasOwnProperty.call(m, "value")) {
                d.value = m.value;
            }
            return d;
        };

        /**
         * Converts this StringStringEntryProto to JSON.
         * @function toJSON
         * @memberof onnx.StringStringEntryProto
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        StringStringEntryProto.prototype.toJSON = function() {
            return StringStringEntryProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for StringStringEntryProto
         * @function getTypeUrl
         * @memberof onnx.StringStringEntryProto
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        StringStringEntryProto.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/onnx.StringStringEntryProto";
        };

        return StringStringEntryProto;
    })();

    onnx.TensorAnnotation = (function() {

        /**
         * Properties of a TensorAnnotation.
         * @typedef {Object} onnx.TensorAnnotation.$Properties
         * @property {string|null} [tensorName] TensorAnnotation tensorName
         * @property {Array.<onnx.StringStringEntryProto.$Properties>|null} [quantParameterTensorNames] TensorAnnotation quantParameterTensorNames
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TensorAnnotation.
         * @memberof onnx
         * @interface ITensorAnnotation
         * @augments onnx.TensorAnnotation.$Properties
         * @deprecated Use onnx.TensorAnnotation.$Properties instead.
         */

        /**
         * Shape of a TensorAnnotation.
         * @typedef {onnx.TensorAnnotation.$Properties} onnx.TensorAnnotation.$Shape
         */

        /**
         * Constructs a new TensorAnnotation.
         * @memberof onnx
         * @classdesc Represents a TensorAnnotation.
         * @constructor
         * @param {onnx.TensorAnnotation.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TensorAnnotation = function (p) {
            this.quantParameterTensorNames = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * TensorAnnotation tensorName.
         * @member {string} tensorName
         * @memberof onnx.TensorAnnotation
         * @instance
         */
        TensorAnnotation.prototype.tensorName = "";

        /**
         * TensorAnnotation quantParameterTensorNames.
         * @member {Array.<onnx.StringStringEntryProto.$Properties>} quantParameterTensorNames
         * @memberof onnx.TensorAnnotation
         * @instance
         */
        TensorAnnotation.prototype.quantParameterTensorNames = $util.emptyArray;

        /**
         * Creates a new TensorAnnotation instance using the specified properties.
         * @function create
         * @memberof onnx.TensorAnnotation
         * @static
         * @param {onnx.TensorAnnotation.$Properties=} [properties] Properties to set
         * @returns {onnx.TensorAnnotation} TensorAnnotation instance
         * @type {{
         *   (properties: onnx.TensorAnnotation.$Shape): onnx.TensorAnnotation & onnx.TensorAnnotation.$Shape;
         *   (properties?: onnx.TensorAnnotation.$Properties): onnx.TensorAnnotation;
         * }}
         */
        TensorAnnotation.create = function(properties) {
            return new TensorAnnotation(properties);
        };

        /**
         * Encodes the specified TensorAnnotation message. Does not implicitly {@link onnx.TensorAnnotation.verify|verify} messages.
         * @function encode
         * @memberof onnx.TensorAnnotation
         * @static
         * @param {onnx.TensorAnnotation.$Properties} m TensorAnnotation message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TensorAnnotation.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.tensorName != null && $Object.hasOwnProperty.call(m, "tensorName"))
                w.uint32(/* id 1, wireType 2 =*/10).string(m.tensorName);
            if (m.quantParameterTensorNames != null && m.quantParameterTensorNames.length) {
                for (var i = 0; i < m.quantParameterTensorNames.length; ++i)
                    $root.onnx.StringStringEntryProto.encode(m.quantParameterTensorNames[i], w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a TensorAnnotation message from the specified reader or buffer.
         * @function decode
         * @memberof onnx.TensorAnnotation
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {onnx.TensorAnnotation & onnx.TensorAnnotation.$Shape} TensorAnnotation
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TensorAnnotation.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.onnx.TensorAnnotation();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        m.tensorName = r.string();
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if (!(m.quantParameterTensorNames && m.quantParameterTensorNames.length))
                            m.quantParameterTensorNames = [];
                        m.quantParameterTensorNames.push($root.onnx.StringStringEntryProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Creates a TensorAnnotation message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof onnx.TensorAnnotation
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {onnx.TensorAnnotation} TensorAnnotation
         */
        TensorAnnotation.fromObject = function (d, q) {
            if (d instanceof $root.onnx.TensorAnnotation)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".onnx.TensorAnnotation: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.onnx.TensorAnnotation();
            if (d.tensorName != null) {
                m.tensorName = $String(d.tensorName);
            }
            if (d.quantParameterTensorNames) {
                if (!$Array.isArray(d.quantParameterTensorNames))
                    throw $TypeError(".onnx.TensorAnnotation.quantParameterTensorNames: array expected");
                m.quantParameterTensorNames = $Array(d.quantParameterTensorNames.length);
                for (var i = 0; i < d.quantParameterTensorNames.length; ++i) {
                    if (!$util.isObject(d.quantParameterTensorNames[i]))
                        throw $TypeError(".onnx.TensorAnnotation.quantParameterTensorNames: object expected");
                    m.quantParameterTensorNames[i] = $root.onnx.StringStringEntryProto.fromObject(d.quantParameterTensorNames[i], q + 1);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a TensorAnnotation message. Also converts values to other types if specified.
         * @function toObject
         * @memberof onnx.TensorAnnotation
         * @static
         * @param {onnx.TensorAnnotation} m TensorAnnotation
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        TensorAnnotation.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.quantParameterTensorNames = [];
            }
            if (o.defaults) {
                d.tensorName = "";
            }
            if (m.tensorName != null && $Object.hasOwnProperty.call(m, "tensorName")) {
                d.tensorName = m.tensorName;
            }
            if (m.quantParameterTensorNames && m.quantParameterTensorNames.length) {
                d.quantParameterTensorNames = $Array(m.quantParameterTensorNames.length);
                for (var j = 0; j < m.quantParameterTensorNames.length; ++j) {
                    d.quantParameterTensorNames[j] = $root.onnx.StringStringEntryProto.toObject(m.quantParameterTensorNames[j], o, q + 1);
                }
            }
            return d;
        };

        /**
         * Converts this TensorAnnotation to JSON.
         * @function toJSON
         * @memberof onnx.TensorAnnotation
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        TensorAnnotation.prototype.toJSON = function() {
            return TensorAnnotation.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for TensorAnnotation
         * @function getTypeUrl
         * @memberof onnx.TensorAnnotation
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        TensorAnnotation.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/onnx.TensorAnnotation";
        };

        return TensorAnnotation;
    })();

    onnx.GraphProto = (function() {

        /**
         * Properties of a GraphProto.
         * @typedef {Object} onnx.GraphProto.$Properties
         * @property {Array.<onnx.NodeProto.$Properties>|null} [node] GraphProto node
         * @property {string|null} [name] GraphProto name
         * @property {Array.<onnx.TensorProto.$Properties>|null} [initializer] GraphProto initializer
         * @property {Array.<onnx.SparseTensorProto.$Properties>|null} [sparseInitializer] GraphProto sparseInitializer
         * @property {string|null} [docString] GraphProto docString
         * @property {Array.<onnx.ValueInfoProto.$Properties>|null} [input] GraphProto input
         * @property {Array.<onnx.ValueInfoProto.$Properties>|null} [output] GraphProto output
         * @property {Array.<onnx.ValueInfoProto.$Properties>|null} [valueInfo] GraphProto valueInfo
         * @property {Array.<onnx.TensorAnnotation.$Properties>|null} [quantizationAnnotation] GraphProto quantizationAnnotation
         * @property {Array.<onnx.StringStringEntryProto.$Properties>|null} [metadataProps] GraphProto metadataProps
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a GraphProto.
         * @memberof onnx
         * @interface IGraphProto
         * @augments onnx.GraphProto.$Properties
         * @deprecated Use onnx.GraphProto.$Properties instead.
         */

        /**
         * Shape of a GraphProto.
         * @typedef {{
         *   node?: Array.<onnx.NodeProto.$Shape>|null;
         *   name?: string|null;
         *   initializer?: Array.<onnx.TensorProto.$Shape>|null;
         *   sparseInitializer?: Array.<onnx.SparseTensorProto.$Shape>|null;
         *   docString?: string|null;
         *   input?: Array.<onnx.ValueInfoProto.$Shape>|null;
         *   output?: Array.<onnx.ValueInfoProto.$Shape>|null;
         *   valueInfo?: Array.<onnx.ValueInfoProto.$Shape>|null;
         *   quantizationAnnotation?: Array.<onnx.TensorAnnotation.$Shape>|null;
         *   metadataProps?: Array.<onnx.StringStringEntryProto.$Shape>|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} onnx.GraphProto.$Shape
         */

        /**
         * Constructs a new GraphProto.
         * @memberof onnx
         * @classdesc Represents a GraphProto.
         * @constructor
         * @param {onnx.GraphProto.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const GraphProto = function (p) {
            this.node = [];
            this.initializer = [];
            this.sparseInitializer = [];
            this.input = [];
            this.output = [];
            this.valueInfo = [];
            this.quantizationAnnotation = [];
            this.metadataProps = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * GraphProto node.
         * @member {Array.<onnx.NodeProto.$Properties>} node
         * @memberof onnx.GraphProto
         * @instance
         */
        GraphProto.prototype.node = $util.emptyArray;

        /**
         * GraphProto name.
         * @member {string} name
         * @memberof onnx.GraphProto
         * @instance
         */
        GraphProto.prototype.name = "";

        /**
         * GraphProto initializer.
         * @member {Array.<onnx.TensorProto.$Properties>} initializer
         * @memberof onnx.GraphProto
         * @instance
         */
        GraphProto.prototype.initializer = $util.emptyArray;

        /**
         * GraphProto sparseInitializer.
         * @member {Array.<onnx.SparseTensorProto.$Properties>} sparseInitializer
         * @memberof onnx.GraphProto
         * @instance
         */
        GraphProto.prototype.sparseInitializer = $util.emptyArray;

        /**
         * GraphProto docString.
         * @member {string} docString
         * @memberof onnx.GraphProto
         * @instance
         */
        GraphProto.prototype.docString = "";

        /**
         * GraphProto input.
         * @member {Array.<onnx.ValueInfoProto.$Properties>} input
         * @memberof onnx.GraphProto
         * @instance
         */
        GraphProto.prototype.input = $util.emptyArray;

        /**
         * GraphProto output.
         * @member {Array.<onnx.ValueInfoProto.$Properties>} output
         * @memberof onnx.GraphProto
         * @instance
         */
        GraphProto.prototype.output = $util.emptyArray;

        /**
         * GraphProto valueInfo.
         * @member {Array.<onnx.ValueInfoProto.$Properties>} valueInfo
         * @memberof onnx.GraphProto
         * @instance
         */
        GraphProto.prototype.valueInfo = $util.emptyArray;

        /**
         * GraphProto quantizationAnnotation.
         * @member {Array.<onnx.TensorAnnotation.$Properties>} quantizationAnnotation
         * @memberof onnx.GraphProto
         * @instance
         */
        GraphProto.prototype.quantizationAnnotation = $util.emptyArray;

        /**
         * GraphProto metadataProps.
         * @member {Array.<onnx.StringStringEntryProto.$Properties>} metadataProps
         * @memberof onnx.GraphProto
         * @instance
         */
        GraphProto.prototype.metadataProps = $util.emptyArray;

        /**
         * Creates a new GraphProto instance using the specified properties.
         * @function create
         * @memberof onnx.GraphProto
         * @static
         * @param {onnx.GraphProto.$Properties=} [properties] Properties to set
         * @returns {onnx.GraphProto} GraphProto instance
         * @type {{
         *   (properties: onnx.GraphProto.$Shape): onnx.GraphProto & onnx.GraphProto.$Shape;
         *   (properties?: onnx.GraphProto.$Properties): onnx.GraphProto;
         * }}
         */
        GraphProto.create = function(properties) {
            return new GraphProto(properties);
        };

        /**
         * Encodes the specified GraphProto message. Does not implicitly {@link onnx.GraphProto.verify|verify} messages.
         * @function encode
         * @memberof onnx.GraphProto
         * @static
         * @param {onnx.GraphProto.$Properties} m GraphProto message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        GraphProto.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.node != null && m.node.length) {
                for (var i = 0; i < m.node.length; ++i)
                    $root.onnx.NodeProto.encode(m.node[i], w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
            }
            if (m.name != null && $Object.hasOwnProperty.call(m, "name"))
                w.uint32(/* id 2, wireType 2 =*/18).string(m.name);
            if (m.initializer != null && m.initializer.length) {
                for (var i = 0; i < m.initializer.length; ++i)
                    $root.onnx.TensorProto.encode(m.initializer[i], w.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
            }
            if (m.docString != null && $Object.hasOwnProperty.call(m, "docString"))
                w.uint32(/* id 10, wireType 2 =*/82).string(m.docString);
            if (m.input != null && m.input.length) {
                for (var i = 0; i < m.input.length; ++i)
                    $root.onnx.ValueInfoProto.encode(m.input[i], w.uint32(/* id 11, wireType 2 =*/90).fork(), q + 1).ldelim();
            }
            if (m.output != null && m.output.length) {
                for (var i = 0; i < m.output.length; ++i)
                    $root.onnx.ValueInfoProto.encode(m.output[i], w.uint32(/* id 12, wireType 2 =*/98).fork(), q + 1).ldelim();
            }
            if (m.valueInfo != null && m.valueInfo.length) {
                for (var i = 0; i < m.valueInfo.length; ++i)
                    $root.onnx.ValueInfoProto.encode(m.valueInfo[i], w.uint32(/* id 13, wireType 2 =*/106).fork(), q + 1).ldelim();
            }
            if (m.quantizationAnnotation != null && m.quantizationAnnotation.length) {
                for (var i = 0; i < m.quantizationAnnotation.length; ++i)
                    $root.onnx.TensorAnnotation.encode(m.quantizationAnnotation[i], w.uint32(/* id 14, wireType 2 =*/114).fork(), q + 1).ldelim();
            }
            if (m.sparseInitializer != null && m.sparseInitializer.length) {
                for (var i = 0; i < m.sparseInitializer.length; ++i)
                    $root.onnx.SparseTensorProto.encode(m.sparseInitializer[i], w.uint32(/* id 15, wireType 2 =*/122).fork(), q + 1).ldelim();
            }
            if (m.metadataProps != null && m.metadataProps.length) {
                for (var i = 0; i < m.metadataProps.length; ++i)
                    $root.onnx.StringStringEntryProto.encode(m.metadataProps[i], w.uint32(/* id 16, wireType 2 =*/130).fork(), q + 1).ldelim();
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a GraphProto message from the specified reader or buffer.
         * @function decode
         * @memberof onnx.GraphProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {onnx.GraphProto & onnx.GraphProto.$Shape} GraphProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        GraphProto.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.onnx.GraphProto();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if (!(m.node && m.node.length))
                            m.node = [];
                        m.node.push($root.onnx.NodeProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        m.name = r.string();
                        continue;
                    }
                case 5: {
                        if (u !== 2)
                            break;
                        if (!(m.initializer && m.initializer.length))
                            m.initializer = [];
                        m.initializer.push($root.onnx.TensorProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 15: {
                        if (u !== 2)
                            break;
                        if (!(m.sparseInitializer && m.sparseInitializer.length))
                            m.sparseInitializer = [];
                        m.sparseInitializer.push($root.onnx.SparseTensorProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 10: {
                        if (u !== 2)
                            break;
                        m.docString = r.string();
                        continue;
                    }
                case 11: {
                        if (u !== 2)
                            break;
                        if (!(m.input && m.input.length))
                            m.input = [];
                        m.input.push($root.onnx.ValueInfoProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 12: {
                        if (u !== 2)
                            break;
                        if (!(m.output && m.output.length))
                            m.output = [];
                        m.output.push($root.onnx.ValueInfoProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 13: {
                        if (u !== 2)
                            break;
                        if (!(m.valueInfo && m.valueInfo.length))
                            m.valueInfo = [];
                        m.valueInfo.push($root.onnx.ValueInfoProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 14: {
                        if (u !== 2)
                            break;
                        if (!(m.quantizationAnnotation && m.quantizationAnnotation.length))
                            m.quantizationAnnotation = [];
                        m.quantizationAnnotation.push($root.onnx.TensorAnnotation.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 16: {
                        if (u !== 2)
                            break;
                        if (!(m.metadataProps && m.metadataProps.length))
                            m.metadataProps = [];
                        m.metadataProps.push($root.onnx.StringStringEntryProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Creates a GraphProto message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof onnx.GraphProto
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {onnx.GraphProto} GraphProto
         */
        GraphProto.fromObject = function (d, q) {
            if (d instanceof $root.onnx.GraphProto)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".onnx.GraphProto: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.onnx.GraphProto();
            if (d.node) {
                if (!$Array.isArray(d.node))
                    throw $TypeError(".onnx.GraphProto.node: array expected");
                m.node = $Array(d.node.length);
                for (var i = 0; i < d.node.length; ++i) {
                    if (!$util.isObject(d.node[i]))
                        throw $TypeError(".onnx.GraphProto.node: object expected");
                    m.node[i] = $root.onnx.NodeProto.fromObject(d.node[i], q + 1);
                }
            }
            if (d.name != null) {
                m.name = $String(d.name);
            }
            if (d.initializer) {
                if (!$Array.isArray(d.initializer))
                    throw $TypeError(".onnx.GraphProto.initializer: array expected");
                m.initializer = $Array(d.initializer.length);
                for (var i = 0; i < d.initializer.length; ++i) {
                    if (!$util.isObject(d.initializer[i]))
                        throw $TypeError(".onnx.GraphProto.initializer: object expected");
                    m.initializer[i] = $root.onnx.TensorProto.fromObject(d.initializer[i], q + 1);
                }
            }
            if (d.sparseInitializer) {
                if (!$Array.isArray(d.sparseInitializer))
                    throw $TypeError(".onnx.GraphProto.sparseInitializer: array expected");
                m.sparseInitializer = $Array(d.sparseInitializer.length);
                for (var i = 0; i < d.sparseInitializer.length; ++i) {
                    if (!$util.isObject(d.sparseInitializer[i]))
                        throw $TypeError(".onnx.GraphProto.sparseInitializer: object expected");
                    m.sparseInitializer[i] = $root.onnx.SparseTensorProto.fromObject(d.sparseInitializer[i], q + 1);
                }
            }
            if (d.docString != null) {
                m.docString = $String(d.docString);
            }
            if (d.input) {
                if (!$Array.isArray(d.input))
                    throw $TypeError(".onnx.GraphProto.input: array expected");
                m.input = $Array(d.input.length);
                for (var i = 0; i < d.input.length; ++i) {
                    if (!$util.isObject(d.input[i]))
                        throw $TypeError(".onnx.GraphProto.input: object expected");
                    m.input[i] = $root.onnx.ValueInfoProto.fromObject(d.input[i], q + 1);
                }
            }
            if (d.output) {
                if (!$Array.isArray(d.output))
                    throw $TypeError(".onnx.GraphProto.output: array expected");
                m.output = $Array(d.output.length);
                for (var i = 0; i < d.output.length; ++i) {
                    if (!$util.isObject(d.output[i]))
                        throw $TypeError(".onnx.GraphProto.output: object expected");
                    m.output[i] = $root.onnx.ValueInfoProto.fromObject(d.output[i], q + 1);
                }
            }
            if (d.valueInfo) {
                if (!$Array.isArray(d.valueInfo))
                    throw $TypeError(".onnx.GraphProto.valueInfo: array expected");
                m.valueInfo = $Array(d.valueInfo.length);
                for (var i = 0; i < d.valueInfo.length; ++i) {
                    if (!$util.isObject(d.valueInfo[i]))
                        throw $TypeError(".onnx.GraphProto.valueInfo: object expected");
                    m.valueInfo[i] = $root.onnx.ValueInfoProto.fromObject(d.valueInfo[i], q + 1);
                }
            }
            if (d.quantizationAnnotation) {
                if (!$Array.isArray(d.quantizationAnnotation))
                    throw $TypeError(".onnx.GraphProto.quantizationAnnotation: array expected");
                m.quantizationAnnotation = $Array(d.quantizationAnnotation.length);
                for (var i = 0; i < d.quantizationAnnotation.length; ++i) {
                    if (!$util.isObject(d.quantizationAnnotation[i]))
                        throw $TypeError(".onnx.GraphProto.quantizationAnnotation: object expected");
                    m.quantizationAnnotation[i] = $root.onnx.TensorAnnotation.fromObject(d.quantizationAnnotation[i], q + 1);
                }
            }
            if (d.metadataProps) {
                if (!$Array.isArray(d.metadataProps))
                    throw $TypeError(".onnx.GraphProto.metadataProps: array expected");
                m.metadataProps = $Array(d.metadataProps.length);
                for (var i = 0; i < d.metadataProps.length; ++i) {
                    if (!$util.isObject(d.metadataProps[i]))
                        throw $TypeError(".onnx.GraphProto.metadataProps: object expected");
                    m.metadataProps[i] = $root.onnx.StringStringEntryProto.fromObject(d.metadataProps[i], q + 1);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a GraphProto message. Also converts values to other types if specified.
         * @function toObject
         * @memberof onnx.GraphProto
         * @static
         * @param {onnx.GraphProto} m GraphProto
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        GraphProto.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.node = [];
                d.initializer = [];
                d.input = [];
                d.output = [];
                d.valueInfo = [];
                d.quantizationAnnotation = [];
                d.sparseInitializer = [];
                d.metadataProps = [];
            }
            if (o.defaults) {
                d.name = "";
                d.docString = "";
            }
            if (m.node && m.node.length) {
                d.node = $Array(m.node.length);
                for (var j = 0; j < m.node.length; ++j) {
                    d.node[j] = $root.onnx.NodeProto.toObject(m.node[j], o, q + 1);
                }
            }
            if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                d.name = m.name;
            }
            if (m.initializer && m.initializer.length) {
                d.initializer = $Array(m.initializer.length);
                for (var j = 0; j < m.initializer.length; ++j) {
                    d.initializer[j] = $root.onnx.TensorProto.toObject(m.initializer[j], o, q + 1);
                }
            }
            if (m.docString != null && $Object.hasOwnProperty.call(m, "docString")) {
                d.docString = m.docString;
            }
            if (m.input && m.input.length) {
                d.input = $Array(m.input.length);
                for (var j = 0; j < m.input.length; ++j) {
                    d.input[j] = $root.onnx.ValueInfoProto.toObject(m.input[j], o, q + 1);
                }
            }
            if (m.output && m.output.length) {
                d.output = $Array(m.output.length);
                for (var j = 0; j < m.output.length; ++j) {
                    d.output[j] = $root.onnx.ValueInfoProto.toObject(m.output[j], o, q + 1);
                }
            }
            if (m.valueInfo && m.valueInfo.length) {
                d.valueInfo = $Array(m.valueInfo.length);
                for (var j = 0; j < m.valueInfo.length; ++j) {
                    d.valueInfo[j] = $root.onnx.ValueInfoProto.toObject(m.valueInfo[j], o, q + 1);
                }
            }
            if (m.quantizationAnnotation && m.quantizationAnnotation.length) {
                d.quantizationAnnotation = $Array(m.quantizationAnnotation.length);
                for (var j = 0; j < m.quantizationAnnotation.length; ++j) {
                    d.quantizationAnnotation[j] = $root.onnx.TensorAnnotation.toObject(m.quantizationAnnotation[j], o, q + 1);
                }
            }
            if (m.sparseInitializer && m.sparseInitializer.length) {
                d.sparseInitializer = $Array(m.sparseInitializer.length);
                for (var j = 0; j < m.sparseInitializer.length; ++j) {
                    d.sparseInitializer[j] = $root.onnx.SparseTensorProto.toObject(m.sparseInitializer[j], o, q + 1);
                }
            }
            if (m.metadataProps && m.metadataProps.length) {
                d.metadataProps = $Array(m.metadataProps.length);
                for (var j = 0; j < m.metadataProps.length; ++j) {
                    d.metadataProps[j] = $root.onnx.StringStringEntryProto.toObject(m.metadataProps[j], o, q + 1);
                }
            }
            return d;
        };

        /**
         * Converts this GraphProto to JSON.
         * @function toJSON
         * @memberof onnx.GraphProto
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        GraphProto.prototype.toJSON = function() {
            return GraphProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for GraphProto
         * @function getTypeUrl
         * @memberof onnx.GraphProto
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        GraphProto.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/onnx.GraphProto";
        };

        return GraphProto;
    })();

    onnx.TensorProto = (function() {

        /**
         * Properties of a TensorProto.
         * @typedef {Object} onnx.TensorProto.$Properties
         * @property {Array.<number|Long>|null} [dims] TensorProto dims
         * @property {number|null} [dataType] TensorProto dataType
         * @property {onnx.TensorProto.Segment.$Properties|null} [segment] TensorProto segment
         * @property {Array.<number>|null} [floatData] TensorProto floatData
         * @property {Array.<number>|null} [int32Data] TensorProto int32Data
         * @property {Array.<Uint8Array>|null} [stringData] TensorProto stringData
         * @property {Array.<number|Long>|null} [int64Data] TensorProto int64Data
         * @property {string|null} [name] TensorProto name
         * @property {string|null} [docString] TensorProto docString
         * @property {Uint8Array|null} [rawData] TensorProto rawData
         * @property {Array.<onnx.StringStringEntryProto.$Properties>|null} [externalData] TensorProto externalData
         * @property {onnx.TensorProto.DataLocation|null} [dataLocation] TensorProto dataLocation
         * @property {Array.<number>|null} [doubleData] TensorProto doubleData
         * @property {Array.<number|Long>|null} [uint64Data] TensorProto uint64Data
         * @property {Array.<onnx.StringStringEntryProto.$Properties>|null} [metadataProps] TensorProto metadataProps
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TensorProto.
         * @memberof onnx
         * @interface ITensorProto
         * @augments onnx.TensorProto.$Properties
         * @deprecated Use onnx.TensorProto.$Properties instead.
         */

        /**
         * Shape of a TensorProto.
         * @typedef {onnx.TensorProto.$Properties} onnx.TensorProto.$Shape
         */

        /**
         * Constructs a new TensorProto.
         * @memberof onnx
         * @classdesc Represents a TensorProto.
         * @constructor
         * @param {onnx.TensorProto.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TensorProto = function (p) {
            this.dims = [];
            this.floatData = [];
            this.int32Data = [];
            this.stringData = [];
            this.int64Data = [];
            this.externalData = [];
            this.doubleData = [];
            this.uint64Data = [];
            this.metadataProps = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * TensorProto dims.
         * @member {Array.<number|Long>} dims
         * @memberof onnx.TensorProto
         * @instance
         */
        TensorProto.prototype.dims = $util.emptyArray;

        /**
         * TensorProto dataType.
         * @member {number} dataType
         * @memberof onnx.TensorProto
         * @instance
         */
        TensorProto.prototype.dataType = 0;

        /**
         * TensorProto segment.
         * @member {onnx.TensorProto.Segment.$Properties|null|undefined} segment
         * @memberof onnx.TensorProto
         * @instance
         */
        TensorProto.prototype.segment = null;

        /**
         * TensorProto floatData.
         * @member {Array.<number>} floatData
         * @memberof onnx.TensorProto
         * @instance
         */
        TensorProto.prototype.floatData = $util.emptyArray;

        /**
         * TensorProto int32Data.
         * @member {Array.<number>} int32Data
         * @memberof onnx.TensorProto
         * @instance
         */
        TensorProto.prototype.int32Data = $util.emptyArray;

        /**
         * TensorProto stringData.
         * @member {Array.<Uint8Array>} stringData
         * @memberof onnx.TensorProto
         * @instance
         */
        TensorProto.prototype.stringData = $util.emptyArray;

        /**
         * TensorProto int64Data.
         * @member {Array.<number|Long>} int64Data
         * @memberof onnx.TensorProto
         * @instance
         */
        TensorProto.prototype.int64Data = $util.emptyArray;

        /**
         * TensorProto name.
         * @member {string} name
         * @memberof onnx.TensorProto
         * @instance
         */
        TensorProto.prototype.name = "";

        /**
         * TensorProto docString.
         * @member {string} docString
         * @memberof onnx.TensorProto
         * @instance
         */
        TensorProto.prototype.docString = "";

        /**
         * TensorProto rawData.
         * @member {Uint8Array} rawData
         * @memberof onnx.TensorProto
         * @instance
         */
        TensorProto.prototype.rawData = $util.newBuffer([]);

        /**
         * TensorProto externalData.
         * @member {Array.<onnx.StringStringEntryProto.$Properties>} externalData
         * @memberof onnx.TensorProto
         * @instance
         */
        TensorProto.prototype.externalData = $util.emptyArray;

        /**
         * TensorProto dataLocation.
         * @member {onnx.TensorProto.DataLocation} dataLocation
         * @memberof onnx.TensorProto
         * @instance
         */
        TensorProto.prototype.dataLocation = 0;

        /**
         * TensorProto doubleData.
         * @member {Array.<number>} doubleData
         * @memberof onnx.TensorProto
         * @instance
         */
        TensorProto.prototype.doubleData = $util.emptyArray;

        /**
         * TensorProto uint64Data.
         * @member {Array.<number|Long>} uint64Data
         * @memberof onnx.TensorProto
         * @instance
         */
        TensorProto.prototype.uint64Data = $util.emptyArray;

        /**
         * TensorProto metadataProps.
         * @member {Array.<onnx.StringStringEntryProto.$Properties>} metadataProps
         * @memberof onnx.TensorProto
         * @instance
         */
        TensorProto.prototype.metadataProps = $util.emptyArray;

        /**
         * Creates a new TensorProto instance using the specified properties.
         * @function create
         * @memberof onnx.TensorProto
         * @static
         * @param {onnx.TensorProto.$Properties=} [properties] Properties to set
         * @returns {onnx.TensorProto} TensorProto instance
         * @type {{
         *   (properties: onnx.TensorProto.$Shape): onnx.TensorProto & onnx.TensorProto.$Shape;
         *   (properties?: onnx.TensorProto.$Properties): onnx.TensorProto;
         * }}
         */
        TensorProto.create = function(properties) {
            return new TensorProto(properties);
        };

        /**
         * Encodes the specified TensorProto message. Does not implicitly {@link onnx.TensorProto.verify|verify} messages.
         * @function encode
         * @memberof onnx.TensorProto
         * @static
         * @param {onnx.TensorProto.$Properties} m TensorProto message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TensorProto.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.dims != null && m.dims.length) {
                for (var i = 0; i < m.dims.length; ++i)
                    w.uint32(/* id 1, wireType 0 =*/8).int64(m.dims[i]);
            }
            if (m.dataType != null && $Object.hasOwnProperty.call(m, "dataType"))
                w.uint32(/* id 2, wireType 0 =*/16).int32(m.dataType);
            if (m.segment != null && $Object.hasOwnProperty.call(m, "segment"))
                $root.onnx.TensorProto.Segment.encode(m.segment, w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
            if (m.floatData != null && m.floatData.length) {
                w.uint32(/* id 4, wireType 2 =*/34).floats(m.floatData);
            }
            if (m.int32Data != null && m.int32Data.length) {
                w.uint32(/* id 5, wireType 2 =*/42).int32s(m.int32Data);
            }
            if (m.stringData != null && m.stringData.length) {
                for (var i = 0; i < m.stringData.length; ++i)
                    w.uint32(/* id 6, wireType 2 =*/50).bytes(m.stringData[i]);
            }
            if (m.int64Data != null && m.int64Data.length) {
                w.uint32(/* id 7, wireType 2 =*/58).int64s(m.int64Data);
            }
            if (m.name != null && $Object.hasOwnProperty.call(m, "name"))
                w.uint32(/* id 8, wireType 2 =*/66).string(m.name);
            if (m.rawData != null && $Object.hasOwnProperty.call(m, "rawData"))
                w.uint32(/* id 9, wireType 2 =*/74).bytes(m.rawData);
            if (m.doubleData != null && m.doubleData.length) {
                w.uint32(/* id 10, wireType 2 =*/82).doubles(m.doubleData);
            }
            if (m.uint64Data != null && m.uint64Data.length) {
                w.uint32(/* id 11, wireType 2 =*/90).uint64s(m.uint64Data);
            }
            if (m.docString != null && $Object.hasOwnProperty.call(m, "docString"))
                w.uint32(/* id 12, wireType 2 =*/98).string(m.docString);
            if (m.externalData != null && m.externalData.length) {
                for (var i = 0; i < m.externalData.length; ++i)
                    $root.onnx.StringStringEntryProto.encode(m.externalData[i], w.uint32(/* id 13, wireType 2 =*/106).fork(), q + 1).ldelim();
            }
            if (m.dataLocation != null && $Object.hasOwnProperty.call(m, "dataLocation"))
                w.uint32(/* id 14, wireType 0 =*/112).int32(m.dataLocation);
            if (m.metadataProps != null && m.metadataProps.length) {
                for (var i = 0; i < m.metadataProps.length; ++i)
                    $root.onnx.StringStringEntryProto.encode(m.metadataProps[i], w.uint32(/* id 16, wireType 2 =*/130).fork(), q + 1).ldelim();
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a TensorProto message from the specified reader or buffer.
         * @function decode
         * @memberof onnx.TensorProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {onnx.TensorProto & onnx.TensorProto.$Shape} TensorProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TensorProto.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.onnx.TensorProto();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u === 2) {
                            if (!(m.dims && m.dims.length))
                                m.dims = [];
                            r.int64s(m.dims);
                            continue;
                        }
                        if (u !== 0)
                            break;
                        if (!(m.dims && m.dims.length))
                            m.dims = [];
                        m.dims.push(r.int64());
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        m.dataType = r.int32();
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        m.segment = $root.onnx.TensorProto.Segment.decode(r, r.size(), $undefined, q + 1, m.segment);
                        continue;
                    }
                case 4: {
                        if (u === 2) {
                            if (!(m.floatData && m.floatData.length))
                                m.floatData = [];
                            r.floats(m.floatData);
                            continue;
                        }
                        if (u !== 5)
                            break;
                        if (!(m.floatData && m.floatData.length))
                            m.floatData = [];
                        m.floatData.push(r.float());
                        continue;
                    }
                case 5: {
                        if (u === 2) {
                            if (!(m.int32Data && m.int32Data.length))
                                m.int32Data = [];
                            r.int32s(m.int32Data);
                            continue;
                        }
                        if (u !== 0)
                            break;
                        if (!(m.int32Data && m.int32Data.length))
                            m.int32Data = [];
                        m.int32Data.push(r.int32());
                        continue;
                    }
                case 6: {
                        if (u !== 2)
                            break;
                        if (!(m.stringData && m.stringData.length))
                            m.stringData = [];
                        m.stringData.push(r.bytes());
                        continue;
                    }
                case 7: {
                        if (u === 2) {
                            if (!(m.int64Data && m.int64Data.length))
                                m.int64Data = [];
                            r.int64s(m.int64Data);
                            continue;
                        }
                        if (u !== 0)
                            break;
                        if (!(m.int64Data && m.int64Data.length))
                            m.int64Data = [];
                        m.int64Data.push(r.int64());
                        continue;
                    }
                case 8: {
                        if (u !== 2)
                            break;
                        m.name = r.string();
                        continue;
                    }
                case 12: {
                        if (u !== 2)
                            break;
                        m.docString = r.string();
                        continue;
                    }
                case 9: {
                        if (u !== 2)
                            break;
                        m.rawData = r.bytes();
                        continue;
                    }
                case 13: {
                        if (u !== 2)
                            break;
                        if (!(m.externalData && m.externalData.length))
                            m.externalData = [];
                        m.externalData.push($root.onnx.StringStringEntryProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 14: {
                        if (u !== 0)
                            break;
                        v = r.int32();
                        if ($root.onnx.TensorProto.DataLocation[v] !== $undefined) {
                            m.dataLocation = v;
                        } else if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                        continue;
                    }
                case 10: {
                        if (u === 2) {
                            if (!(m.doubleData && m.doubleData.length))
                                m.doubleData = [];
                            r.doubles(m.doubleData);
                            continue;
                        }
                        if (u !== 1)
                            break;
                        if (!(m.doubleData && m.doubleData.length))
                            m.doubleData = [];
                        m.doubleData.push(r.double());
                        continue;
                    }
                case 11: {
                        if (u === 2) {
                            if (!(m.uint64Data && m.uint64Data.length))
                                m.uint64Data = [];
                            r.uint64s(m.uint64Data);
                            continue;
                        }
                        if (u !== 0)
                            break;
                        if (!(m.uint64Data && m.uint64Data.length))
                            m.uint64Data = [];
                        m.uint64Data.push(r.uint64());
                        continue;
                    }
                case 16: {
                        if (u !== 2)
                            break;
                        if (!(m.metadataProps && m.metadataProps.length))
                            m.metadataProps = [];
                        m.metadataProps.push($root.onnx.StringStringEntryProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Creates a TensorProto message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof onnx.TensorProto
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {onnx.TensorProto} TensorProto
         */
        TensorProto.fromObject = function (d, q) {
            if (d instanceof $root.onnx.TensorProto)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".onnx.TensorProto: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.onnx.TensorProto();
            if (d.dims) {
                if (!$Array.isArray(d.dims))
                    throw $TypeError(".onnx.TensorProto.dims: array expected");
                m.dims = $Array(d.dims.length);
                for (var i = 0; i < d.dims.length; ++i) {
                    if ($util.Long)
                        m.dims[i] = $util.Long.fromValue(d.dims[i], false);
                    else if (typeof d.dims[i] === "string")
                        m.dims[i] = $parseInt(d.dims[i], 10);
                    else if (typeof d.dims[i] === "number")
                        m.dims[i] = d.dims[i];
                    else if (typeof d.dims[i] === "object")
                        m.dims[i] = new $util.LongBits(d.dims[i].low >>> 0, d.dims[i].high >>> 0).toNumber();
                }
            }
            if (d.dataType != null) {
                m.dataType = d.dataType | 0;
            }
            if (d.segment != null) {
                if (!$util.isObject(d.segment))
                    throw $TypeError(".onnx.TensorProto.segment: object expected");
                m.segment = $root.onnx.TensorProto.Segment.fromObject(d.segment, q + 1);
            }
            if (d.floatData) {
                if (!$Array.isArray(d.floatData))
                    throw $TypeError(".onnx.TensorProto.floatData: array expected");
                m.floatData = $Array(d.floatData.length);
                for (var i = 0; i < d.floatData.length; ++i) {
                    m.floatData[i] = $Number(d.floatData[i]);
                }
            }
            if (d.int32Data) {
                if (!$Array.isArray(d.int32Data))
                    throw $TypeError(".onnx.TensorProto.int32Data: array expected");
                m.int32Data = $Array(d.int32Data.length);
                for (var i = 0; i < d.int32Data.length; ++i) {
                    m.int32Data[i] = d.int32Data[i] | 0;
                }
            }
            if (d.stringData) {
                if (!$Array.isArray(d.stringData))
                    throw $TypeError(".onnx.TensorProto.stringData: array expected");
                m.stringData = $Array(d.stringData.length);
                for (var i = 0; i < d.stringData.length; ++i) {
                    if (typeof d.stringData[i] === "string")
                        $util.base64.decode(d.stringData[i], m.stringData[i] = $util.newBuffer($util.base64.length(d.stringData[i])), 0);
                    else if (d.stringData[i].length >= 0)
                        m.stringData[i] = d.stringData[i];
                }
            }
            if (d.int64Data) {
                if (!$Array.isArray(d.int64Data))
                    throw $TypeError(".onnx.TensorProto.int64Data: array expected");
                m.int64Data = $Array(d.int64Data.length);
                for (var i = 0; i < d.int64Data.length; ++i) {
                    if ($util.Long)
                        m.int64Data[i] = $util.Long.fromValue(d.int64Data[i], false);
                    else if (typeof d.int64Data[i] === "string")
                        m.int64Data[i] = $parseInt(d.int64Data[i], 10);
                    else if (typeof d.int64Data[i] === "number")
                        m.int64Data[i] = d.int64Data[i];
                    else if (typeof d.int64Data[i] === "object")
                        m.int64Data[i] = new $util.LongBits(d.int64Data[i].low >>> 0, d.int64Data[i].high >>> 0).toNumber();
                }
            }
            if (d.name != null) {
                m.name = $String(d.name);
            }
            if (d.docString != null) {
                m.docString = $String(d.docString);
            }
            if (d.rawData != null) {
                if (typeof d.rawData === "string")
                    $util.base64.decode(d.rawData, m.rawData = $util.newBuffer($util.base64.length(d.rawData)), 0);
                else if (d.rawData.length >= 0)
                    m.rawData = d.rawData;
            }
            if (d.externalData) {
                if (!$Array.isArray(d.externalData))
                    throw $TypeError(".onnx.TensorProto.externalData: array expected");
                m.externalData = $Array(d.externalData.length);
                for (var i = 0; i < d.externalData.length; ++i) {
                    if (!$util.isObject(d.externalData[i]))
                        throw $TypeError(".onnx.TensorProto.externalData: object expected");
                    m.externalData[i] = $root.onnx.StringStringEntryProto.fromObject(d.externalData[i], q + 1);
                }
            }
            switch (d.dataLocation) {
            case "DEFAULT":
            case 0:
                m.dataLocation = 0;
                break;
            case "EXTERNAL":
            case 1:
                m.dataLocation = 1;
                break;
            default:
            }
            if (d.doubleData) {
                if (!$Array.isArray(d.doubleData))
                    throw $TypeError(".onnx.TensorProto.doubleData: array expected");
                m.doubleData = $Array(d.doubleData.length);
                for (var i = 0; i < d.doubleData.length; ++i) {
                    m.doubleData[i] = $Number(d.doubleData[i]);
                }
            }
            if (d.uint64Data) {
                if (!$Array.isArray(d.uint64Data))
                    throw $TypeError(".onnx.TensorProto.uint64Data: array expected");
                m.uint64Data = $Array(d.uint64Data.length);
                for (var i = 0; i < d.uint64Data.length; ++i) {
                    if ($util.Long)
                        m.uint64Data[i] = $util.Long.fromValue(d.uint64Data[i], true);
                    else if (typeof d.uint64Data[i] === "string")
                        m.uint64Data[i] = $parseInt(d.uint64Data[i], 10);
                    else if (typeof d.uint64Data[i] === "number")
                        m.uint64Data[i] = d.uint64Data[i];
                    else if (typeof d.uint64Data[i] === "object")
                        m.uint64Data[i] = new $util.LongBits(d.uint64Data[i].low >>> 0, d.uint64Data[i].high >>> 0).toNumber(true);
                }
            }
            if (d.metadataProps) {
                if (!$Array.isArray(d.metadataProps))
                    throw $TypeError(".onnx.TensorProto.metadataProps: array expected");
                m.metadataProps = $Array(d.metadataProps.length);
                for (var i = 0; i < d.metadataProps.length; ++i) {
                    if (!$util.isObject(d.metadataProps[i]))
                        throw $TypeError(".onnx.TensorProto.metadataProps: object expected");
                    m.metadataProps[i] = $root.onnx.StringStringEntryProto.fromObject(d.metadataProps[i], q + 1);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a TensorProto message. Also converts values to other types if specified.
         * @function toObject
         * @memberof onnx.TensorProto
         * @static
         * @param {onnx.TensorProto} m TensorProto
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        TensorProto.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.dims = [];
                d.floatData = [];
                d.int32Data = [];
                d.stringData = [];
                d.int64Data = [];
                d.doubleData = [];
                d.uint64Data = [];
                d.externalData = [];
                d.metadataProps = [];
            }
            if (o.defaults) {
                d.dataType = 0;
                d.segment = null;
                d.name = "";
                if (o.bytes === $String)
                    d.rawData = "";
                else {
                    d.rawData = [];
                    if (o.bytes !== $Array)
                        d.rawData = $util.newBuffer(d.rawData);
                }
                d.docString = "";
                d.dataLocation = o.enums === $String ? "DEFAULT" : 0;
            }
            if (m.dims && m.dims.length) {
                d.dims = $Array(m.dims.length);
                for (var j = 0; j < m.dims.length; ++j) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.dims[j] = typeof m.dims[j] === "number" ? $BigInt(m.dims[j]) : $util.Long.fromBits(m.dims[j].low >>> 0, m.dims[j].high >>> 0, false).toBigInt();
                    else if (typeof m.dims[j] === "number")
                        d.dims[j] = o.longs === $String ? $String(m.dims[j]) : m.dims[j];
                    else
                        d.dims[j] = o.longs === $String ? $util.Long.prototype.toString.call(m.dims[j]) : o.longs === $Number ? new $util.LongBits(m.dims[j].low >>> 0, m.dims[j].high >>> 0).toNumber() : m.dims[j];
                }
            }
            if (m.dataType != null && $Object.hasOwnProperty.call(m, "dataType")) {
                d.dataType = m.dataType;
            }
            if (m.segment != null && $Object.hasOwnProperty.call(m, "segment")) {
                d.segment = $root.onnx.TensorProto.Segment.toObject(m.segment, o, q + 1);
            }
            if (m.floatData && m.floatData.length) {
                d.floatData = $Array(m.floatData.length);
                for (var j = 0; j < m.floatData.length; ++j) {
                    d.floatData[j] = o.json && !$isFinite(m.floatData[j]) ? $String(m.floatData[j]) : m.floatData[j];
                }
            }
            if (m.int32Data && m.int32Data.length) {
                d.int32Data = $Array(m.int32Data.length);
                for (var j = 0; j < m.int32Data.length; ++j) {
                    d.int32Data[j] = m.int32Data[j];
                }
            }
            if (m.stringData && m.stringData.length) {
                d.stringData = $Array(m.stringData.length);
                for (var j = 0; j < m.stringData.length; ++j) {
                    d.stringData[j] = o.bytes === $String ? $util.base64.encode(m.stringData[j], 0, m.stringData[j].length) : o.bytes === $Array ? $Array.prototype.slice.call(m.stringData[j]) : m.stringData[j];
                }
            }
            if (m.int64Data && m.int64Data.length) {
                d.int64Data = $Array(m.int64Data.length);
                for (var j = 0; j < m.int64Data.length; ++j) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.int64Data[j] = typeof m.int64Data[j] === "number" ? $BigInt(m.int64Data[j]) : $util.Long.fromBits(m.int64Data[j].low >>> 0, m.int64Data[j].high >>> 0, false).toBigInt();
                    else if (typeof m.int64Data[j] === "number")
                        d.int64Data[j] = o.longs === $String ? $String(m.int64Data[j]) : m.int64Data[j];
                    else
                        d.int64Data[j] = o.longs === $String ? $util.Long.prototype.toString.call(m.int64Data[j]) : o.longs === $Number ? new $util.LongBits(m.int64Data[j].low >>> 0, m.int64Data[j].high >>> 0).toNumber() : m.int64Data[j];
                }
            }
            if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                d.name = m.name;
            }
            if (m.rawData != null && $Object.hasOwnProperty.call(m, "rawData")) {
                d.rawData = o.bytes === $String ? $util.base64.encode(m.rawData, 0, m.rawData.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.rawData) : m.rawData;
            }
            if (m.doubleData && m.doubleData.length) {
                d.doubleData = $Array(m.doubleData.length);
                for (var j = 0; j < m.doubleData.length; ++j) {
                    d.doubleData[j] = o.json && !$isFinite(m.doubleData[j]) ? $String(m.doubleData[j]) : m.doubleData[j];
                }
            }
            if (m.uint64Data && m.uint64Data.length) {
                d.uint64Data = $Array(m.uint64Data.length);
                for (var j = 0; j < m.uint64Data.length; ++j) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.uint64Data[j] = typeof m.uint64Data[j] === "number" ? $BigInt(m.uint64Data[j]) : $util.Long.fromBits(m.uint64Data[j].low >>> 0, m.uint64Data[j].high >>> 0, true).toBigInt();
                    else if (typeof m.uint64Data[j] === "number")
                        d.uint64Data[j] = o.longs === $String ? $String(m.uint64Data[j]) : m.uint64Data[j];
                    else
                        d.uint64Data[j] = o.longs === $String ? $util.Long.prototype.toString.call(m.uint64Data[j]) : o.longs === $Number ? new $util.LongBits(m.uint64Data[j].low >>> 0, m.uint64Data[j].high >>> 0).toNumber(true) : m.uint64Data[j];
                }
            }
            if (m.docString != null && $Object.hasOwnProperty.call(m, "docString")) {
                d.docString = m.docString;
            }
            if (m.externalData && m.externalData.length) {
                d.externalData = $Array(m.externalData.length);
                for (var j = 0; j < m.externalData.length; ++j) {
                    d.externalData[j] = $root.onnx.StringStringEntryProto.toObject(m.externalData[j], o, q + 1);
                }
            }
            if (m.dataLocation != null && $Object.hasOwnProperty.call(m, "dataLocation")) {
                d.dataLocation = o.enums === $String ? $root.onnx.TensorProto.DataLocation[m.dataLocation] === $undefined ? m.dataLocation : $root.onnx.TensorProto.DataLocation[m.dataLocation] : m.dataLocation;
            }
            if (m.metadataProps && m.metadataProps.length) {
                d.metadataProps = $Array(m.metadataProps.length);
                for (var j = 0; j < m.metadataProps.length; ++j) {
                    d.metadataProps[j] = $root.onnx.StringStringEntryProto.toObject(m.metadataProps[j], o, q + 1);
                }
            }
            return d;
        };

        /**
         * Converts this TensorProto to JSON.
         * @function toJSON
         * @memberof onnx.TensorProto
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        TensorProto.prototype.toJSON = function() {
            return TensorProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for TensorProto
         * @function getTypeUrl
         * @memberof onnx.TensorProto
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        TensorProto.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/onnx.TensorProto";
        };

        /**
         * DataType enum.
         * @name onnx.TensorProto.DataType
         * @enum {number}
         * @property {number} UNDEFINED=0 UNDEFINED value
         * @property {number} FLOAT=1 FLOAT value
         * @property {number} UINT8=2 UINT8 value
         * @property {number} INT8=3 INT8 value
         * @property {number} UINT16=4 UINT16 value
         * @property {number} INT16=5 INT16 value
         * @property {number} INT32=6 INT32 value
         * @property {number} INT64=7 INT64 value
         * @property {number} STRING=8 STRING value
         * @property {number} BOOL=9 BOOL value
         * @property {number} FLOAT16=10 FLOAT16 value
         * @property {number} DOUBLE=11 DOUBLE value
         * @property {number} UINT32=12 UINT32 value
         * @property {number} UINT64=13 UINT64 value
         * @property {number} COMPLEX64=14 COMPLEX64 value
         * @property {number} COMPLEX128=15 COMPLEX128 value
         * @property {number} BFLOAT16=16 BFLOAT16 value
         * @property {number} FLOAT8E4M3FN=17 FLOAT8E4M3FN value
         * @property {number} FLOAT8E4M3FNUZ=18 FLOAT8E4M3FNUZ value
         * @property {number} FLOAT8E5M2=19 FLOAT8E5M2 value
         * @property {number} FLOAT8E5M2FNUZ=20 FLOAT8E5M2FNUZ value
         * @property {number} UINT4=21 UINT4 value
         * @property {number} INT4=22 INT4 value
         * @property {number} FLOAT4E2M1=23 FLOAT4E2M1 value
         * @property {number} FLOAT8E8M0=24 FLOAT8E8M0 value
         * @property {number} UINT2=25 UINT2 value
         * @property {number} INT2=26 INT2 value
         * @property {number} FLOAT6E2M3=27 FLOAT6E2M3 value
         * @property {number} FLOAT6E3M2=28 FLOAT6E3M2 value
         */
        TensorProto.DataType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "UNDEFINED"] = 0;
            values[valuesById[1] = "FLOAT"] = 1;
            values[valuesById[2] = "UINT8"] = 2;
            values[valuesById[3] = "INT8"] = 3;
            values[valuesById[4] = "UINT16"] = 4;
            values[valuesById[5] = "INT16"] = 5;
            values[valuesById[6] = "INT32"] = 6;
            values[valuesById[7] = "INT64"] = 7;
            values[valuesById[8] = "STRING"] = 8;
            values[valuesById[9] = "BOOL"] = 9;
            values[valuesById[10] = "FLOAT16"] = 10;
            values[valuesById[11] = "DOUBLE"] = 11;
            values[valuesById[12] = "UINT32"] = 12;
            values[valuesById[13] = "UINT64"] = 13;
            values[valuesById[14] = "COMPLEX64"] = 14;
            values[valuesById[15] = "COMPLEX128"] = 15;
            values[valuesById[16] = "BFLOAT16"] = 16;
            values[valuesById[17] = "FLOAT8E4M3FN"] = 17;
            values[valuesById[18] = "FLOAT8E4M3FNUZ"] = 18;
            values[valuesById[19] = "FLOAT8E5M2"] = 19;
            values[valuesById[20] = "FLOAT8E5M2FNUZ"] = 20;
            values[valuesById[21] = "UINT4"] = 21;
            values[valuesById[22] = "INT4"] = 22;
            values[valuesById[23] = "FLOAT4E2M1"] = 23;
            values[valuesById[24] = "FLOAT8E8M0"] = 24;
            values[valuesById[25] = "UINT2"] = 25;
            values[valuesById[26] = "INT2"] = 26;
            values[valuesById[27] = "FLOAT6E2M3"] = 27;
            values[valuesById[28] = "FLOAT6E3M2"] = 28;
            return values;
        })();

        TensorProto.Segment = (function() {

            /**
             * Properties of a Segment.
             * @typedef {Object} onnx.TensorProto.Segment.$Properties
             * @property {number|Long|null} [begin] Segment begin
             * @property {number|Long|null} [end] Segment end
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Segment.
             * @memberof onnx.TensorProto
             * @interface ISegment
             * @augments onnx.TensorProto.Segment.$Properties
             * @deprecated Use onnx.TensorProto.Segment.$Properties instead.
             */

            /**
             * Shape of a Segment.
             * @typedef {onnx.TensorProto.Segment.$Properties} onnx.TensorProto.Segment.$Shape
             */

            /**
             * Constructs a new Segment.
             * @memberof onnx.TensorProto
             * @classdesc Represents a Segment.
             * @constructor
             * @param {onnx.TensorProto.Segment.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Segment = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Segment begin.
             * @member {number|Long} begin
             * @memberof onnx.TensorProto.Segment
             * @instance
             */
            Segment.prototype.begin = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Segment end.
             * @member {number|Long} end
             * @memberof onnx.TensorProto.Segment
             * @instance
             */
            Segment.prototype.end = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new Segment instance using the specified properties.
             * @function create
             * @memberof onnx.TensorProto.Segment
             * @static
             * @param {onnx.TensorProto.Segment.$Properties=} [properties] Properties to set
             * @returns {onnx.TensorProto.Segment} Segment instance
             * @type {{
             *   (properties: onnx.TensorProto.Segment.$Shape): onnx.TensorProto.Segment & onnx.TensorProto.Segment.$Shape;
             *   (properties?: onnx.TensorProto.Segment.$Properties): onnx.TensorProto.Segment;
             * }}
             */
            Segment.create = function(properties) {
                return new Segment(properties);
            };

            /**
             * Encodes the specified Segment message. Does not implicitly {@link onnx.TensorProto.Segment.verify|verify} messages.
             * @function encode
             * @memberof onnx.TensorProto.Segment
             * @static
             * @param {onnx.TensorProto.Segment.$Properties} m Segment message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Segment.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.begin != null && $Object.hasOwnProperty.call(m, "begin"))
                    w.uint32(/* id 1, wireType 0 =*/8).int64(m.begin);
                if (m.end != null && $Object.hasOwnProperty.call(m, "end"))
                    w.uint32(/* id 2, wireType 0 =*/16).int64(m.end);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Segment message from the specified reader or buffer.
             * @function decode
             * @memberof onnx.TensorProto.Segment
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {onnx.TensorProto.Segment & onnx.TensorProto.Segment.$Shape} Segment
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Segment.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.onnx.TensorProto.Segment();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            m.begin = r.int64();
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            m.end = r.int64();
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates a Segment message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof onnx.TensorProto.Segment
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {onnx.TensorProto.Segment} Segment
             */
            Segment.fromObject = function (d, q) {
                if (d instanceof $root.onnx.TensorProto.Segment)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".onnx.TensorProto.Segment: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.onnx.TensorProto.Segment();
                if (d.begin != null) {
                    if ($util.Long)
                        m.begin = $util.Long.fromValue(d.begin, false);
                    else if (typeof d.begin === "string")
                        m.begin = $parseInt(d.begin, 10);
                    else if (typeof d.begin === "number")
                        m.begin = d.begin;
                    else if (typeof d.begin === "object")
                        m.begin = new $util.LongBits(d.begin.low >>> 0, d.begin.high >>> 0).toNumber();
                }
                if (d.end != null) {
                    if ($util.Long)
                        m.end = $util.Long.fromValue(d.end, false);
                    else if (typeof d.end === "string")
                        m.end = $parseInt(d.end, 10);
                    else if (typeof d.end === "number")
                        m.end = d.end;
                    else if (typeof d.end === "object")
                        m.end = new $util.LongBits(d.end.low >>> 0, d.end.high >>> 0).toNumber();
                }
                return m;
            };

            /**
             * Creates a plain object from a Segment message. Also converts values to other types if specified.
             * @function toObject
             * @memberof onnx.TensorProto.Segment
             * @static
             * @param {onnx.TensorProto.Segment} m Segment
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Segment.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.begin = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.begin = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.end = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.end = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.begin != null && $Object.hasOwnProperty.call(m, "begin")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.begin = typeof m.begin === "number" ? $BigInt(m.begin) : $util.Long.fromBits(m.begin.low >>> 0, m.begin.high >>> 0, false).toBigInt();
                    else if (typeof m.begin === "number")
                        d.begin = o.longs === $String ? $String(m.begin) : m.begin;
                    else
                        d.begin = o.longs === $String ? $util.Long.prototype.toString.call(m.begin) : o.longs === $Number ? new $util.LongBits(m.begin.low >>> 0, m.begin.high >>> 0).toNumber() : m.begin;
                }
                if (m.end != null && $Object.hasOwnProperty.call(m, "end")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.end = typeof m.end === "number" ? $BigInt(m.end) : $util.Long.fromBits(m.end.low >>> 0, m.end.high >>> 0, false).toBigInt();
                    else if (typeof m.end === "number")
                        d.end = o.longs === $String ? $String(m.end) : m.end;
                    else
                        d.end = o.longs === $String ? $util.Long.prototype.toString.call(m.end) : o.longs === $Number ? new $util.LongBits(m.end.low >>> 0, m.end.high >>> 0).toNumber() : m.end;
                }
                return d;
            };

            /**
             * Converts this Segment to JSON.
             * @function toJSON
             * @memberof onnx.TensorProto.Segment
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Segment.prototype.toJSON = function() {
                return Segment.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Segment
             * @function getTypeUrl
             * @memberof onnx.TensorProto.Segment
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Segment.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/onnx.TensorProto.Segment";
            };

            return Segment;
        })();

        /**
         * DataLocation enum.
         * @name onnx.TensorProto.DataLocation
         * @enum {number}
         * @property {number} DEFAULT=0 DEFAULT value
         * @property {number} EXTERNAL=1 EXTERNAL value
         */
        TensorProto.DataLocation = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "DEFAULT"] = 0;
            values[valuesById[1] = "EXTERNAL"] = 1;
            return values;
        })();

        return TensorProto;
    })();

    onnx.SparseTensorProto = (function() {

        /**
         * Properties of a SparseTensorProto.
         * @typedef {Object} onnx.SparseTensorProto.$Properties
         * @property {onnx.TensorProto.$Properties|null} [values] SparseTensorProto values
         * @property {onnx.TensorProto.$Properties|null} [indices] SparseTensorProto indices
         * @property {Array.<number|Long>|null} [dims] SparseTensorProto dims
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SparseTensorProto.
         * @memberof onnx
         * @interface ISparseTensorProto
         * @augments onnx.SparseTensorProto.$Properties
         * @deprecated Use onnx.SparseTensorProto.$Properties instead.
         */

        /**
         * Shape of a SparseTensorProto.
         * @typedef {onnx.SparseTensorProto.$Properties} onnx.SparseTensorProto.$Shape
         */

        /**
         * Constructs a new SparseTensorProto.
         * @memberof onnx
         * @classdesc Represents a SparseTensorProto.
         * @constructor
         * @param {onnx.SparseTensorProto.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SparseTensorProto = function (p) {
            this.dims = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * SparseTensorProto values.
         * @member {onnx.TensorProto.$Properties|null|undefined} values
         * @memberof onnx.SparseTensorProto
         * @instance
         */
        SparseTensorProto.prototype.values = null;

        /**
         * SparseTensorProto indices.
         * @member {onnx.TensorProto.$Properties|null|undefined} indices
         * @memberof onnx.SparseTensorProto
         * @instance
         */
        SparseTensorProto.prototype.indices = null;

        /**
         * SparseTensorProto dims.
         * @member {Array.<number|Long>} dims
         * @memberof onnx.SparseTensorProto
         * @instance
         */
        SparseTensorProto.prototype.dims = $util.emptyArray;

        /**
         * Creates a new SparseTensorProto instance using the specified properties.
         * @function create
         * @memberof onnx.SparseTensorProto
         * @static
         * @param {onnx.SparseTensorProto.$Properties=} [properties] Properties to set
         * @returns {onnx.SparseTensorProto} SparseTensorProto instance
         * @type {{
         *   (properties: onnx.SparseTensorProto.$Shape): onnx.SparseTensorProto & onnx.SparseTensorProto.$Shape;
         *   (properties?: onnx.SparseTensorProto.$Properties): onnx.SparseTensorProto;
         * }}
         */
        SparseTensorProto.create = function(properties) {
            return new SparseTensorProto(properties);
        };

        /**
         * Encodes the specified SparseTensorProto message. Does not implicitly {@link onnx.SparseTensorProto.verify|verify} messages.
         * @function encode
         * @memberof onnx.SparseTensorProto
         * @static
         * @param {onnx.SparseTensorProto.$Properties} m SparseTensorProto message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SparseTensorProto.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.values != null && $Object.hasOwnProperty.call(m, "values"))
                $root.onnx.TensorProto.encode(m.values, w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
            if (m.indices != null && $Object.hasOwnProperty.call(m, "indices"))
                $root.onnx.TensorProto.encode(m.indices, w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
            if (m.dims != null && m.dims.length) {
                for (var i = 0; i < m.dims.length; ++i)
                    w.uint32(/* id 3, wireType 0 =*/24).int64(m.dims[i]);
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a SparseTensorProto message from the specified reader or buffer.
         * @function decode
         * @memberof onnx.SparseTensorProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {onnx.SparseTensorProto & onnx.SparseTensorProto.$Shape} SparseTensorProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SparseTensorProto.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.onnx.SparseTensorProto();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        m.values = $root.onnx.TensorProto.decode(r, r.size(), $undefined, q + 1, m.values);
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        m.indices = $root.onnx.TensorProto.decode(r, r.size(), $undefined, q + 1, m.indices);
                        continue;
                    }
                case 3: {
                        if (u === 2) {
                            if (!(m.dims && m.dims.length))
                                m.dims = [];
                            r.int64s(m.dims);
                            continue;
                        }
                        if (u !== 0)
                            break;
                        if (!(m.dims && m.dims.length))
                            m.dims = [];
                        m.dims.push(r.int64());
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Creates a SparseTensorProto message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof onnx.SparseTensorProto
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {onnx.SparseTensorProto} SparseTensorProto
         */
        SparseTensorProto.fromObject = function (d, q) {
            if (d instanceof $root.onnx.SparseTensorProto)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".onnx.SparseTensorProto: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.onnx.SparseTensorProto();
            if (d.values != null) {
                if (!$util.isObject(d.values))
                    throw $TypeError(".onnx.SparseTensorProto.values: object expected");
                m.values = $root.onnx.TensorProto.fromObject(d.values, q + 1);
            }
            if (d.indices != null) {
                if (!$util.isObject(d.indices))
                    throw $TypeError(".onnx.SparseTensorProto.indices: object expected");
                m.indices = $root.onnx.TensorProto.fromObject(d.indices, q + 1);
            }
            if (d.dims) {
                if (!$Array.isArray(d.dims))
                    throw $TypeError(".onnx.SparseTensorProto.dims: array expected");
                m.dims = $Array(d.dims.length);
                for (var i = 0; i < d.dims.length; ++i) {
                    if ($util.Long)
                        m.dims[i] = $util.Long.fromValue(d.dims[i], false);
                    else if (typeof d.dims[i] === "string")
                        m.dims[i] = $parseInt(d.dims[i], 10);
                    else if (typeof d.dims[i] === "number")
                        m.dims[i] = d.dims[i];
                    else if (typeof d.dims[i] === "object")
                        m.dims[i] = new $util.LongBits(d.dims[i].low >>> 0, d.dims[i].high >>> 0).toNumber();
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a SparseTensorProto message. Also converts values to other types if specified.
         * @function toObject
         * @memberof onnx.SparseTensorProto
         * @static
         * @param {onnx.SparseTensorProto} m SparseTensorProto
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        SparseTensorProto.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.dims = [];
            }
            if (o.defaults) {
                d.values = null;
                d.indices = null;
            }
            if (m.values != null && $Object.hasOwnProperty.call(m, "values")) {
                d.values = $root.onnx.TensorProto.toObject(m.values, o, q + 1);
            }
            if (m.indices != null && $Object.hasOwnProperty.call(m, "indices")) {
                d.indices = $root.onnx.TensorProto.toObject(m.indices, o, q + 1);
            }
            if (m.dims && m.dims.length) {
                d.dims = $Array(m.dims.length);
                for (var j = 0; j < m.dims.length; ++j) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.dims[j] = typeof m.dims[j] === "number" ? $BigInt(m.dims[j]) : $util.Long.fromBits(m.dims[j].low >>> 0, m.dims[j].high >>> 0, false).toBigInt();
                    else if (typeof m.dims[j] === "number")
                        d.dims[j] = o.longs === $String ? $String(m.dims[j]) : m.dims[j];
                    else
                        d.dims[j] = o.longs === $String ? $util.Long.prototype.toString.call(m.dims[j]) : o.longs === $Number ? new $util.LongBits(m.dims[j].low >>> 0, m.dims[j].high >>> 0).toNumber() : m.dims[j];
                }
            }
            return d;
        };

        /**
         * Converts this SparseTensorProto to JSON.
         * @function toJSON
         * @memberof onnx.SparseTensorProto
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        SparseTensorProto.prototype.toJSON = function() {
            return SparseTensorProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for SparseTensorProto
         * @function getTypeUrl
         * @memberof onnx.SparseTensorProto
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        SparseTensorProto.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/onnx.SparseTensorProto";
        };

        return SparseTensorProto;
    })();

    onnx.TensorShapeProto = (function() {

        /**
         * Properties of a TensorShapeProto.
         * @typedef {Object} onnx.TensorShapeProto.$Properties
         * @property {Array.<onnx.TensorShapeProto.Dimension.$Properties>|null} [dim] TensorShapeProto dim
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TensorShapeProto.
         * @memberof onnx
         * @interface ITensorShapeProto
         * @augments onnx.TensorShapeProto.$Properties
         * @deprecated Use onnx.TensorShapeProto.$Properties instead.
         */

        /**
         * Shape of a TensorShapeProto.
         * @typedef {{
         *   dim?: Array.<onnx.TensorShapeProto.Dimension.$Shape>|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} onnx.TensorShapeProto.$Shape
         */

        /**
         * Constructs a new TensorShapeProto.
         * @memberof onnx
         * @classdesc Represents a TensorShapeProto.
         * @constructor
         * @param {onnx.TensorShapeProto.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TensorShapeProto = function (p) {
            this.dim = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * TensorShapeProto dim.
         * @member {Array.<onnx.TensorShapeProto.Dimension.$Properties>} dim
         * @memberof onnx.TensorShapeProto
         * @instance
         */
        TensorShapeProto.prototype.dim = $util.emptyArray;

        /**
         * Creates a new TensorShapeProto instance using the specified properties.
         * @function create
         * @memberof onnx.TensorShapeProto
         * @static
         * @param {onnx.TensorShapeProto.$Properties=} [properties] Properties to set
         * @returns {onnx.TensorShapeProto} TensorShapeProto instance
         * @type {{
         *   (properties: onnx.TensorShapeProto.$Shape): onnx.TensorShapeProto & onnx.TensorShapeProto.$Shape;
         *   (properties?: onnx.TensorShapeProto.$Properties): onnx.TensorShapeProto;
         * }}
         */
        TensorShapeProto.create = function(properties) {
            return new TensorShapeProto(properties);
        };

        /**
         * Encodes the specified TensorShapeProto message. Does not implicitly {@link onnx.TensorShapeProto.verify|verify} messages.
         * @function encode
         * @memberof onnx.TensorShapeProto
         * @static
         * @param {onnx.TensorShapeProto.$Properties} m TensorShapeProto message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TensorShapeProto.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.dim != null && m.dim.length) {
                for (var i = 0; i < m.dim.length; ++i)
                    $root.onnx.TensorShapeProto.Dimension.encode(m.dim[i], w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a TensorShapeProto message from the specified reader or buffer.
         * @function decode
         * @memberof onnx.TensorShapeProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {onnx.TensorShapeProto & onnx.TensorShapeProto.$Shape} TensorShapeProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TensorShapeProto.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.onnx.TensorShapeProto();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if (!(m.dim && m.dim.length))
                            m.dim = [];
                        m.dim.push($root.onnx.TensorShapeProto.Dimension.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Creates a TensorShapeProto message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof onnx.TensorShapeProto
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {onnx.TensorShapeProto} TensorShapeProto
         */
        TensorShapeProto.fromObject = function (d, q) {
            if (d instanceof $root.onnx.TensorShapeProto)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".onnx.TensorShapeProto: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.onnx.TensorShapeProto();
            if (d.dim) {
                if (!$Array.isArray(d.dim))
                    throw $TypeError(".onnx.TensorShapeProto.dim: array expected");
                m.dim = $Array(d.dim.length);
                for (var i = 0; i < d.dim.length; ++i) {
                    if (!$util.isObject(d.dim[i]))
                        throw $TypeError(".onnx.TensorShapeProto.dim: object expected");
                    m.dim[i] = $root.onnx.TensorShapeProto.Dimension.fromObject(d.dim[i], q + 1);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a TensorShapeProto message. Also converts values to other types if specified.
         * @function toObject
         * @memberof onnx.TensorShapeProto
         * @static
         * @param {onnx.TensorShapeProto} m TensorShapeProto
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        TensorShapeProto.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.dim = [];
            }
            if (m.dim && m.dim.length) {
                d.dim = $Array(m.dim.length);
                for (var j = 0; j < m.dim.length; ++j) {
                    d.dim[j] = $root.onnx.TensorShapeProto.Dimension.toObject(m.dim[j], o, q + 1);
                }
            }
            return d;
        };

        /**
         * Converts this TensorShapeProto to JSON.
         * @function toJSON
         * @memberof onnx.TensorShapeProto
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        TensorShapeProto.prototype.toJSON = function() {
            return TensorShapeProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for TensorShapeProto
         * @function getTypeUrl
         * @memberof onnx.TensorShapeProto
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        TensorShapeProto.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/onnx.TensorShapeProto";
        };

        TensorShapeProto.Dimension = (function() {

            /**
             * Properties of a Dimension.
             * @typedef {Object} onnx.TensorShapeProto.Dimension.$Properties
             * @property {number|Long|null} [dimValue] Dimension dimValue
             * @property {string|null} [dimParam] Dimension dimParam
             * @property {string|null} [denotation] Dimension denotation
             * @property {"dimValue"|"dimParam"} [value] Dimension value
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Dimension.
             * @memberof onnx.TensorShapeProto
             * @interface IDimension
             * @augments onnx.TensorShapeProto.Dimension.$Properties
             * @deprecated Use onnx.TensorShapeProto.Dimension.$Properties instead.
             */

            /**
             * Narrowed shape of a Dimension.
             * @typedef {{
             *   dimValue?: number|Long|null;
             *   dimParam?: string|null;
             *   denotation?: string|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ value?: undefined; dimValue?: null; dimParam?: null }|{ value?: "dimValue"; dimValue: number|Long; dimParam?: null }|{ value?: "dimParam"; dimValue?: null; dimParam: string })
             * )} onnx.TensorShapeProto.Dimension.$Shape
             */

            /**
             * Constructs a new Dimension.
             * @memberof onnx.TensorShapeProto
             * @classdesc Represents a Dimension.
             * @constructor
             * @param {onnx.TensorShapeProto.Dimension.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Dimension = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Dimension dimValue.
             * @member {number|Long|null|undefined} dimValue
             * @memberof onnx.TensorShapeProto.Dimension
             * @instance
             */
            Dimension.prototype.dimValue = null;

            /**
             * Dimension dimParam.
             * @member {string|null|undefined} dimParam
             * @memberof onnx.TensorShapeProto.Dimension
             * @instance
             */
            Dimension.prototype.dimParam = null;

            /**
             * Dimension denotation.
             * @member {string} denotation
             * @memberof onnx.TensorShapeProto.Dimension
             * @instance
             */
            Dimension.prototype.denotation = "";

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Dimension value.
             * @member {"dimValue"|"dimParam"|undefined} value
             * @memberof onnx.TensorShapeProto.Dimension
             * @instance
             */
            $Object.defineProperty(Dimension.prototype, "value", {
                get: $util.oneOfGetter($oneOfFields = ["dimValue", "dimParam"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Dimension instance using the specified properties.
             * @function create
             * @memberof onnx.TensorShapeProto.Dimension
             * @static
             * @param {onnx.TensorShapeProto.Dimension.$Properties=} [properties] Properties to set
             * @returns {onnx.TensorShapeProto.Dimension} Dimension instance
             * @type {{
             *   (properties: onnx.TensorShapeProto.Dimension.$Shape): onnx.TensorShapeProto.Dimension & onnx.TensorShapeProto.Dimension.$Shape;
             *   (properties?: onnx.TensorShapeProto.Dimension.$Properties): onnx.TensorShapeProto.Dimension;
             * }}
             */
            Dimension.create = function(properties) {
                return new Dimension(properties);
            };

            /**
             * Encodes the specified Dimension message. Does not implicitly {@link onnx.TensorShapeProto.Dimension.verify|verify} messages.
             * @function encode
             * @memberof onnx.TensorShapeProto.Dimension
             * @static
             * @param {onnx.TensorShapeProto.Dimension.$Properties} m Dimension message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Dimension.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.dimValue != null && $Object.hasOwnProperty.call(m, "dimValue"))
                    w.uint32(/* id 1, wireType 0 =*/8).int64(m.dimValue);
                if (m.dimParam != null && $Object.hasOwnProperty.call(m, "dimParam"))
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.dimParam);
                if (m.denotation != null && $Object.hasOwnProperty.call(m, "denotation"))
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.denotation);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Dimension message from the specified reader or buffer.
             * @function decode
             * @memberof onnx.TensorShapeProto.Dimension
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {onnx.TensorShapeProto.Dimension & onnx.TensorShapeProto.Dimension.$Shape} Dimension
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Dimension.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.onnx.TensorShapeProto.Dimension();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            m.dimValue = r.int64();
                            m.value = "dimValue";
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.dimParam = r.string();
                            m.value = "dimParam";
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            m.denotation = r.string();
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates a Dimension message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof onnx.TensorShapeProto.Dimension
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {onnx.TensorShapeProto.Dimension} Dimension
             */
            Dimension.fromObject = function (d, q) {
                if (d instanceof $root.onnx.TensorShapeProto.Dimension)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".onnx.TensorShapeProto.Dimension: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.onnx.TensorShapeProto.Dimension();
                if (d.dimValue != null) {
                    if ($util.Long)
                        m.dimValue = $util.Long.fromValue(d.dimValue, false);
                    else if (typeof d.dimValue === "string")
                        m.dimValue = $parseInt(d.dimValue, 10);
                    else if (typeof d.dimValue === "number")
                        m.dimValue = d.dimValue;
                    else if (typeof d.dimValue === "object")
                        m.dimValue = new $util.LongBits(d.dimValue.low >>> 0, d.dimValue.high >>> 0).toNumber();
                }
                if (d.dimParam != null) {
                    m.dimParam = $String(d.dimParam);
                }
                if (d.denotation != null) {
                    m.denotation = $String(d.denotation);
                }
                return m;
            };

            /**
             * Creates a plain object from a Dimension message. Also converts values to other types if specified.
             * @function toObject
             * @memberof onnx.TensorShapeProto.Dimension
             * @static
             * @param {onnx.TensorShapeProto.Dimension} m Dimension
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Dimension.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.denotation = "";
                }
                if (m.dimValue != null && $Object.hasOwnProperty.call(m, "dimValue")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.dimValue = typeof m.dimValue === "number" ? $BigInt(m.dimValue) : $util.Long.fromBits(m.dimValue.low >>> 0, m.dimValue.high >>> 0, false).toBigInt();
                    else if (typeof m.dimValue === "number")
                        d.dimValue = o.longs === $String ? $String(m.dimValue) : m.dimValue;
                    else
                        d.dimValue = o.longs === $String ? $util.Long.prototype.toString.call(m.dimValue) : o.longs === $Number ? new $util.LongBits(m.dimValue.low >>> 0, m.dimValue.high >>> 0).toNumber() : m.dimValue;
                    if (o.oneofs)
                        d.value = "dimValue";
                }
                if (m.dimParam != null && $Object.hasOwnProperty.call(m, "dimParam")) {
                    d.dimParam = m.dimParam;
                    if (o.oneofs)
                        d.value = "dimParam";
                }
                if (m.denotation != null && $Object.hasOwnProperty.call(m, "denotation")) {
                    d.denotation = m.denotation;
                }
                return d;
            };

            /**
             * Converts this Dimension to JSON.
             * @function toJSON
             * @memberof onnx.TensorShapeProto.Dimension
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Dimension.prototype.toJSON = function() {
                return Dimension.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Dimension
             * @function getTypeUrl
             * @memberof onnx.TensorShapeProto.Dimension
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Dimension.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/onnx.TensorShapeProto.Dimension";
            };

            return Dimension;
        })();

        return TensorShapeProto;
    })();

    onnx.TypeProto = (function() {

        /**
         * Properties of a TypeProto.
         * @typedef {Object} onnx.TypeProto.$Properties
         * @property {onnx.TypeProto.Tensor.$Properties|null} [tensorType] TypeProto tensorType
         * @property {onnx.TypeProto.Sequence.$Properties|null} [sequenceType] TypeProto sequenceType
         * @property {onnx.TypeProto.Map.$Properties|null} [mapType] TypeProto mapType
         * @property {onnx.TypeProto.Optional.$Properties|null} [optionalType] TypeProto optionalType
         * @property {onnx.TypeProto.SparseTensor.$Properties|null} [sparseTensorType] TypeProto sparseTensorType
         * @property {onnx.TypeProto.Opaque.$Properties|null} [opaqueType] TypeProto opaqueType
         * @property {string|null} [denotation] TypeProto denotation
         * @property {"tensorType"|"sequenceType"|"mapType"|"optionalType"|"sparseTensorType"|"opaqueType"} [value] TypeProto value
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TypeProto.
         * @memberof onnx
         * @interface ITypeProto
         * @augments onnx.TypeProto.$Properties
         * @deprecated Use onnx.TypeProto.$Properties instead.
         */

        /**
         * Narrowed shape of a TypeProto.
         * @typedef {{
         *   tensorType?: onnx.TypeProto.Tensor.$Shape|null;
         *   sequenceType?: onnx.TypeProto.Sequence.$Shape|null;
         *   mapType?: onnx.TypeProto.Map.$Shape|null;
         *   optionalType?: onnx.TypeProto.Optional.$Shape|null;
         *   sparseTensorType?: onnx.TypeProto.SparseTensor.$Shape|null;
         *   opaqueType?: onnx.TypeProto.Opaque.$Shape|null;
         *   denotation?: string|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ value?: undefined; tensorType?: null; sequenceType?: null; mapType?: null; optionalType?: null; sparseTensorType?: null; opaqueType?: null }|{ value?: "tensorType"; tensorType: onnx.TypeProto.Tensor.$Shape; sequenceType?: null; mapType?: null; optionalType?: null; sparseTensorType?: null; opaqueType?: null }|{ value?: "sequenceType"; tensorType?: null; sequenceType: onnx.TypeProto.Sequence.$Shape; mapType?: null; optionalType?: null; sparseTensorType?: null; opaqueType?: null }|{ value?: "mapType"; tensorType?: null; sequenceType?: null; mapType: onnx.TypeProto.Map.$Shape; optionalType?: null; sparseTensorType?: null; opaqueType?: null }|{ value?: "optionalType"; tensorType?: null; sequenceType?: null; mapType?: null; optionalType: onnx.TypeProto.Optional.$Shape; sparseTensorType?: null; opaqueType?: null }|{ value?: "sparseTensorType"; tensorType?: null; sequenceType?: null; mapType?: null; optionalType?: null; sparseTensorType: onnx.TypeProto.SparseTensor.$Shape; opaqueType?: null }|{ value?: "opaqueType"; tensorType?: null; sequenceType?: null; mapType?: null; optionalType?: null; sparseTensorType?: null; opaqueType: onnx.TypeProto.Opaque.$Shape })
         * )} onnx.TypeProto.$Shape
         */

        /**
         * Constructs a new TypeProto.
         * @memberof onnx
         * @classdesc Represents a TypeProto.
         * @constructor
         * @param {onnx.TypeProto.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TypeProto = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * TypeProto tensorType.
         * @member {onnx.TypeProto.Tensor.$Properties|null|undefined} tensorType
         * @memberof onnx.TypeProto
         * @instance
         */
        TypeProto.prototype.tensorType = null;

        /**
         * TypeProto sequenceType.
         * @member {onnx.TypeProto.Sequence.$Properties|null|undefined} sequenceType
         * @memberof onnx.TypeProto
         * @instance
         */
        TypeProto.prototype.sequenceType = null;

        /**
         * TypeProto mapType.
         * @member {onnx.TypeProto.Map.$Properties|null|undefined} mapType
         * @memberof onnx.TypeProto
         * @instance
         */
        TypeProto.prototype.mapType = null;

        /**
         * TypeProto optionalType.
         * @member {onnx.TypeProto.Optional.$Properties|null|undefined} optionalType
         * @memberof onnx.TypeProto
         * @instance
         */
        TypeProto.prototype.optionalType = null;

        /**
         * TypeProto sparseTensorType.
         * @member {onnx.TypeProto.SparseTensor.$Properties|null|undefined} sparseTensorType
         * @memberof onnx.TypeProto
         * @instance
         */
        TypeProto.prototype.sparseTensorType = null;

        /**
         * TypeProto opaqueType.
         * @member {onnx.TypeProto.Opaque.$Properties|null|undefined} opaqueType
         * @memberof onnx.TypeProto
         * @instance
         */
        TypeProto.prototype.opaqueType = null;

        /**
         * TypeProto denotation.
         * @member {string} denotation
         * @memberof onnx.TypeProto
         * @instance
         */
        TypeProto.prototype.denotation = "";

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * TypeProto value.
         * @member {"tensorType"|"sequenceType"|"mapType"|"optionalType"|"sparseTensorType"|"opaqueType"|undefined} value
         * @memberof onnx.TypeProto
         * @instance
         */
        $Object.defineProperty(TypeProto.prototype, "value", {
            get: $util.oneOfGetter($oneOfFields = ["tensorType", "sequenceType", "mapType", "optionalType", "sparseTensorType", "opaqueType"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new TypeProto instance using the specified properties.
         * @function create
         * @memberof onnx.TypeProto
         * @static
         * @param {onnx.TypeProto.$Properties=} [properties] Properties to set
         * @returns {onnx.TypeProto} TypeProto instance
         * @type {{
         *   (properties: onnx.TypeProto.$Shape): onnx.TypeProto & onnx.TypeProto.$Shape;
         *   (properties?: onnx.TypeProto.$Properties): onnx.TypeProto;
         * }}
         */
        TypeProto.create = function(properties) {
            return new TypeProto(properties);
        };

        /**
         * Encodes the specified TypeProto message. Does not implicitly {@link onnx.TypeProto.verify|verify} messages.
         * @function encode
         * @memberof onnx.TypeProto
         * @static
         * @param {onnx.TypeProto.$Properties} m TypeProto message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TypeProto.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.tensorType != null && $Object.hasOwnProperty.call(m, "tensorType"))
                $root.onnx.TypeProto.Tensor.encode(m.tensorType, w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
            if (m.sequenceType != null && $Object.hasOwnProperty.call(m, "sequenceType"))
                $root.onnx.TypeProto.Sequence.encode(m.sequenceType, w.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
            if (m.mapType != null && $Object.hasOwnProperty.call(m, "mapType"))
                $root.onnx.TypeProto.Map.encode(m.mapType, w.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
            if (m.denotation != null && $Object.hasOwnProperty.call(m, "denotation"))
                w.uint32(/* id 6, wireType 2 =*/50).string(m.denotation);
            if (m.opaqueType != null && $Object.hasOwnProperty.call(m, "opaqueType"))
                $root.onnx.TypeProto.Opaque.encode(m.opaqueType, w.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
            if (m.sparseTensorType != null && $Object.hasOwnProperty.call(m, "sparseTensorType"))
                $root.onnx.TypeProto.SparseTensor.encode(m.sparseTensorType, w.uint32(/* id 8, wireType 2 =*/66).fork(), q + 1).ldelim();
            if (m.optionalType != null && $Object.hasOwnProperty.call(m, "optionalType"))
                $root.onnx.TypeProto.Optional.encode(m.optionalType, w.uint32(/* id 9, wireType 2 =*/74).fork(), q + 1).ldelim();
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a TypeProto message from the specified reader or buffer.
         * @function decode
         * @memberof onnx.TypeProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {onnx.TypeProto & onnx.TypeProto.$Shape} TypeProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TypeProto.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.onnx.TypeProto();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        m.tensorType = $root.onnx.TypeProto.Tensor.decode(r, r.size(), $undefined, q + 1, m.tensorType);
                        m.value = "tensorType";
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        m.sequenceType = $root.onnx.TypeProto.Sequence.decode(r, r.size(), $undefined, q + 1, m.sequenceType);
                        m.value = "sequenceType";
                        continue;
                    }
                case 5: {
                        if (u !== 2)
                            break;
                        m.mapType = $root.onnx.TypeProto.Map.decode(r, r.size(), $undefined, q + 1, m.mapType);
                        m.value = "mapType";
                        continue;
                    }
                case 9: {
                        if (u !== 2)
                            break;
                        m.optionalType = $root.onnx.TypeProto.Optional.decode(r, r.size(), $undefined, q + 1, m.optionalType);
                        m.value = "optionalType";
                        continue;
                    }
                case 8: {
                        if (u !== 2)
                            break;
                        m.sparseTensorType = $root.onnx.TypeProto.SparseTensor.decode(r, r.size(), $undefined, q + 1, m.sparseTensorType);
                        m.value = "sparseTensorType";
                        continue;
                    }
                case 7: {
                        if (u !== 2)
                            break;
                        m.opaqueType = $root.onnx.TypeProto.Opaque.decode(r, r.size(), $undefined, q + 1, m.opaqueType);
                        m.value = "opaqueType";
                        continue;
                    }
                case 6: {
                        if (u !== 2)
                            break;
                        m.denotation = r.string();
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Creates a TypeProto message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof onnx.TypeProto
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {onnx.TypeProto} TypeProto
         */
        TypeProto.fromObject = function (d, q) {
            if (d instanceof $root.onnx.TypeProto)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".onnx.TypeProto: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.onnx.TypeProto();
            if (d.tensorType != null) {
                if (!$util.isObject(d.tensorType))
                    throw $TypeError(".onnx.TypeProto.tensorType: object expected");
                m.tensorType = $root.onnx.TypeProto.Tensor.fromObject(d.tensorType, q + 1);
            }
            if (d.sequenceType != null) {
                if (!$util.isObject(d.sequenceType))
                    throw $TypeError(".onnx.TypeProto.sequenceType: object expected");
                m.sequenceType = $root.onnx.TypeProto.Sequence.fromObject(d.sequenceType, q + 1);
            }
            if (d.mapType != null) {
                if (!$util.isObject(d.mapType))
                    throw $TypeError(".onnx.TypeProto.mapType: object expected");
                m.mapType = $root.onnx.TypeProto.Map.fromObject(d.mapType, q + 1);
            }
            if (d.optionalType != null) {
                if (!$util.isObject(d.optionalType))
                    throw $TypeError(".onnx.TypeProto.optionalType: object expected");
                m.optionalType = $root.onnx.TypeProto.Optional.fromObject(d.optionalType, q + 1);
            }
            if (d.sparseTensorType != null) {
                if (!$util.isObject(d.sparseTensorType))
                    throw $TypeError(".onnx.TypeProto.sparseTensorType: object expected");
                m.sparseTensorType = $root.onnx.TypeProto.SparseTensor.fromObject(d.sparseTensorType, q + 1);
            }
            if (d.opaqueType != null) {
                if (!$util.isObject(d.opaqueType))
                    throw $TypeError(".onnx.TypeProto.opaqueType: object expected");
                m.opaqueType = $root.onnx.TypeProto.Opaque.fromObject(d.opaqueType, q + 1);
            }
            if (d.denotation != null) {
                m.denotation = $String(d.denotation);
            }
            return m;
        };

        /**
         * Creates a plain object from a TypeProto message. Also converts values to other types if specified.
         * @function toObject
         * @memberof onnx.TypeProto
         * @static
         * @param {onnx.TypeProto} m TypeProto
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        TypeProto.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.denotation = "";
            }
            if (m.tensorType != null && $Object.hasOwnProperty.call(m, "tensorType")) {
                d.tensorType = $root.onnx.TypeProto.Tensor.toObject(m.tensorType, o, q + 1);
                if (o.oneofs)
                    d.value = "tensorType";
            }
            if (m.sequenceType != null && $Object.hasOwnProperty.call(m, "sequenceType")) {
                d.sequenceType = $root.onnx.TypeProto.Sequence.toObject(m.sequenceType, o, q + 1);
                if (o.oneofs)
                    d.value = "sequenceType";
            }
            if (m.mapType != null && $Object.hasOwnProperty.call(m, "mapType")) {
                d.mapType = $root.onnx.TypeProto.Map.toObject(m.mapType, o, q + 1);
                if (o.oneofs)
                    d.value = "mapType";
            }
            if (m.denotation != null && $Object.hasOwnProperty.call(m, "denotation")) {
                d.denotation = m.denotation;
            }
            if (m.opaqueType != null && $Object.hasOwnProperty.call(m, "opaqueType")) {
                d.opaqueType = $root.onnx.TypeProto.Opaque.toObject(m.opaqueType, o, q + 1);
                if (o.oneofs)
                    d.value = "opaqueType";
            }
            if (m.sparseTensorType != null && $Object.hasOwnProperty.call(m, "sparseTensorType")) {
                d.sparseTensorType = $root.onnx.TypeProto.SparseTensor.toObject(m.sparseTensorType, o, q + 1);
                if (o.oneofs)
                    d.value = "sparseTensorType";
            }
            if (m.optionalType != null && $Object.hasOwnProperty.call(m, "optionalType")) {
                d.optionalType = $root.onnx.TypeProto.Optional.toObject(m.optionalType, o, q + 1);
                if (o.oneofs)
                    d.value = "optionalType";
            }
            return d;
        };

        /**
         * Converts this TypeProto to JSON.
         * @function toJSON
         * @memberof onnx.TypeProto
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        TypeProto.prototype.toJSON = function() {
            return TypeProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for TypeProto
         * @function getTypeUrl
         * @memberof onnx.TypeProto
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        TypeProto.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/onnx.TypeProto";
        };

        TypeProto.Tensor = (function() {

            /**
             * Properties of a Tensor.
             * @typedef {Object} onnx.TypeProto.Tensor.$Properties
             * @property {number|null} [elemType] Tensor elemType
             * @property {onnx.TensorShapeProto.$Properties|null} [shape] Tensor shape
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Tensor.
             * @memberof onnx.TypeProto
             * @interface ITensor
             * @augments onnx.TypeProto.Tensor.$Properties
             * @deprecated Use onnx.TypeProto.Tensor.$Properties instead.
             */

            /**
             * Shape of a Tensor.
             * @typedef {{
             *   elemType?: number|null;
             *   shape?: onnx.TensorShapeProto.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} onnx.TypeProto.Tensor.$Shape
             */

            /**
             * Constructs a new Tensor.
             * @memberof onnx.TypeProto
             * @classdesc Represents a Tensor.
             * @constructor
             * @param {onnx.TypeProto.Tensor.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Tensor = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Tensor elemType.
             * @member {number} elemType
             * @memberof onnx.TypeProto.Tensor
             * @instance
             */
            Tensor.prototype.elemType = 0;

            /**
             * Tensor shape.
             * @member {onnx.TensorShapeProto.$Properties|null|undefined} shape
             * @memberof onnx.TypeProto.Tensor
             * @instance
             */
            Tensor.prototype.shape = null;

            /**
             * Creates a new Tensor instance using the specified properties.
             * @function create
             * @memberof onnx.TypeProto.Tensor
             * @static
             * @param {onnx.TypeProto.Tensor.$Properties=} [properties] Properties to set
             * @returns {onnx.TypeProto.Tensor} Tensor instance
             * @type {{
             *   (properties: onnx.TypeProto.Tensor.$Shape): onnx.TypeProto.Tensor & onnx.TypeProto.Tensor.$Shape;
             *   (properties?: onnx.TypeProto.Tensor.$Properties): onnx.TypeProto.Tensor;
             * }}
             */
            Tensor.create = function(properties) {
                return new Tensor(properties);
            };

            /**
             * Encodes the specified Tensor message. Does not implicitly {@link onnx.TypeProto.Tensor.verify|verify} messages.
             * @function encode
             * @memberof onnx.TypeProto.Tensor
             * @static
             * @param {onnx.TypeProto.Tensor.$Properties} m Tensor message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Tensor.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.elemType != null && $Object.hasOwnProperty.call(m, "elemType"))
                    w.uint32(/* id 1, wireType 0 =*/8).int32(m.elemType);
                if (m.shape != null && $Object.hasOwnProperty.call(m, "shape"))
                    $root.onnx.TensorShapeProto.encode(m.shape, w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Tensor message from the specified reader or buffer.
             * @function decode
             * @memberof onnx.TypeProto.Tensor
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {onnx.TypeProto.Tensor & onnx.TypeProto.Tensor.$Shape} Tensor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Tensor.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.onnx.TypeProto.Tensor();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            m.elemType = r.int32();
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.shape = $root.onnx.TensorShapeProto.decode(r, r.size(), $undefined, q + 1, m.shape);
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates a Tensor message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof onnx.TypeProto.Tensor
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {onnx.TypeProto.Tensor} Tensor
             */
            Tensor.fromObject = function (d, q) {
                if (d instanceof $root.onnx.TypeProto.Tensor)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".onnx.TypeProto.Tensor: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.onnx.TypeProto.Tensor();
                if (d.elemType != null) {
                    m.elemType = d.elemType | 0;
                }
                if (d.shape != null) {
                    if (!$util.isObject(d.shape))
                        throw $TypeError(".onnx.TypeProto.Tensor.shape: object expected");
                    m.shape = $root.onnx.TensorShapeProto.fromObject(d.shape, q + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from a Tensor message. Also converts values to other types if specified.
             * @function toObject
             * @memberof onnx.TypeProto.Tensor
             * @static
             * @param {onnx.TypeProto.Tensor} m Tensor
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Tensor.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.elemType = 0;
                    d.shape = null;
                }
                if (m.elemType != null && $Object.hasOwnProperty.call(m, "elemType")) {
                    d.elemType = m.elemType;
                }
                if (m.shape != null && $Object.hasOwnProperty.call(m, "shape")) {
                    d.shape = $root.onnx.TensorShapeProto.toObject(m.shape, o, q + 1);
                }
                return d;
            };

            /**
             * Converts this Tensor to JSON.
             * @function toJSON
             * @memberof onnx.TypeProto.Tensor
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Tensor.prototype.toJSON = function() {
                return Tensor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Tensor
             * @function getTypeUrl
             * @memberof onnx.TypeProto.Tensor
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Tensor.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/onnx.TypeProto.Tensor";
            };

            return Tensor;
        })();

        TypeProto.Sequence = (function() {

            /**
             * Properties of a Sequence.
             * @typedef {Object} onnx.TypeProto.Sequence.$Properties
             * @property {onnx.TypeProto.$Properties|null} [elemType] Sequence elemType
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Sequence.
             * @memberof onnx.TypeProto
             * @interface ISequence
             * @augments onnx.TypeProto.Sequence.$Properties
             * @deprecated Use onnx.TypeProto.Sequence.$Properties instead.
             */

            /**
             * Shape of a Sequence.
             * @typedef {{
             *   elemType?: onnx.TypeProto.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} onnx.TypeProto.Sequence.$Shape
             */

            /**
             * Constructs a new Sequence.
             * @memberof onnx.TypeProto
             * @classdesc Represents a Sequence.
             * @constructor
             * @param {onnx.TypeProto.Sequence.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Sequence = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Sequence elemType.
             * @member {onnx.TypeProto.$Properties|null|undefined} elemType
             * @memberof onnx.TypeProto.Sequence
             * @instance
             */
            Sequence.prototype.elemType = null;

            /**
             * Creates a new Sequence instance using the specified properties.
             * @function create
             * @memberof onnx.TypeProto.Sequence
             * @static
             * @param {onnx.TypeProto.Sequence.$Properties=} [properties] Properties to set
             * @returns {onnx.TypeProto.Sequence} Sequence instance
             * @type {{
             *   (properties: onnx.TypeProto.Sequence.$Shape): onnx.TypeProto.Sequence & onnx.TypeProto.Sequence.$Shape;
             *   (properties?: onnx.TypeProto.Sequence.$Properties): onnx.TypeProto.Sequence;
             * }}
             */
            Sequence.create = function(properties) {
                return new Sequence(properties);
            };

            /**
             * Encodes the specified Sequence message. Does not implicitly {@link onnx.TypeProto.Sequence.verify|verify} messages.
             * @function encode
             * @memberof onnx.TypeProto.Sequence
             * @static
             * @param {onnx.TypeProto.Sequence.$Properties} m Sequence message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Sequence.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.elemType != null && $Object.hasOwnProperty.call(m, "elemType"))
                    $root.onnx.TypeProto.encode(m.elemType, w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Sequence message from the specified reader or buffer.
             * @function decode
             * @memberof onnx.TypeProto.Sequence
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {onnx.TypeProto.Sequence & onnx.TypeProto.Sequence.$Shape} Sequence
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Sequence.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.onnx.TypeProto.Sequence();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            m.elemType = $root.onnx.TypeProto.decode(r, r.size(), $undefined, q + 1, m.elemType);
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates a Sequence message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof onnx.TypeProto.Sequence
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {onnx.TypeProto.Sequence} Sequence
             */
            Sequence.fromObject = function (d, q) {
                if (d instanceof $root.onnx.TypeProto.Sequence)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".onnx.TypeProto.Sequence: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.onnx.TypeProto.Sequence();
                if (d.elemType != null) {
                    if (!$util.isObject(d.elemType))
                        throw $TypeError(".onnx.TypeProto.Sequence.elemType: object expected");
                    m.elemType = $root.onnx.TypeProto.fromObject(d.elemType, q + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from a Sequence message. Also converts values to other types if specified.
             * @function toObject
             * @memberof onnx.TypeProto.Sequence
             * @static
             * @param {onnx.TypeProto.Sequence} m Sequence
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Sequence.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.elemType = null;
                }
                if (m.elemType != null && $Object.hasOwnProperty.call(m, "elemType")) {
                    d.elemType = $root.onnx.TypeProto.toObject(m.elemType, o, q + 1);
                }
                return d;
            };

            /**
             * Converts this Sequence to JSON.
             * @function toJSON
             * @memberof onnx.TypeProto.Sequence
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Sequence.prototype.toJSON = function() {
                return Sequence.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Sequence
             * @function getTypeUrl
             * @memberof onnx.TypeProto.Sequence
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Sequence.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/onnx.TypeProto.Sequence";
            };

            return Sequence;
        })();

        TypeProto.Map = (function() {

            /**
             * Properties of a Map.
             * @typedef {Object} onnx.TypeProto.Map.$Properties
             * @property {number|null} [keyType] Map keyType
             * @property {onnx.TypeProto.$Properties|null} [valueType] Map valueType
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Map.
             * @memberof onnx.TypeProto
             * @interface IMap
             * @augments onnx.TypeProto.Map.$Properties
             * @deprecated Use onnx.TypeProto.Map.$Properties instead.
             */

            /**
             * Shape of a Map.
             * @typedef {{
             *   keyType?: number|null;
             *   valueType?: onnx.TypeProto.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} onnx.TypeProto.Map.$Shape
             */

            /**
             * Constructs a new Map.
             * @memberof onnx.TypeProto
             * @classdesc Represents a Map.
             * @constructor
             * @param {onnx.TypeProto.Map.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Map = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Map keyType.
             * @member {number} keyType
             * @memberof onnx.TypeProto.Map
             * @instance
             */
            Map.prototype.keyType = 0;

            /**
             * Map valueType.
             * @member {onnx.TypeProto.$Properties|null|undefined} valueType
             * @memberof onnx.TypeProto.Map
             * @instance
             */
            Map.prototype.valueType = null;

            /**
             * Creates a new Map instance using the specified properties.
             * @function create
             * @memberof onnx.TypeProto.Map
             * @static
             * @param {onnx.TypeProto.Map.$Properties=} [properties] Properties to set
             * @returns {onnx.TypeProto.Map} Map instance
             * @type {{
             *   (properties: onnx.TypeProto.Map.$Shape): onnx.TypeProto.Map & onnx.TypeProto.Map.$Shape;
             *   (properties?: onnx.TypeProto.Map.$Properties): onnx.TypeProto.Map;
             * }}
             */
            Map.create = function(properties) {
                return new Map(properties);
            };

            /**
             * Encodes the specified Map message. Does not implicitly {@link onnx.TypeProto.Map.verify|verify} messages.
             * @function encode
             * @memberof onnx.TypeProto.Map
             * @static
             * @param {onnx.TypeProto.Map.$Properties} m Map message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Map.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.keyType != null && $Object.hasOwnProperty.call(m, "keyType"))
                    w.uint32(/* id 1, wireType 0 =*/8).int32(m.keyType);
                if (m.valueType != null && $Object.hasOwnProperty.call(m, "valueType"))
                    $root.onnx.TypeProto.encode(m.valueType, w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Map message from the specified reader or buffer.
             * @function decode
             * @memberof onnx.TypeProto.Map
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {onnx.TypeProto.Map & onnx.TypeProto.Map.$Shape} Map
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Map.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.onnx.TypeProto.Map();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            m.keyType = r.int32();
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.valueType = $root.onnx.TypeProto.decode(r, r.size(), $undefined, q + 1, m.valueType);
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates a Map message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof onnx.TypeProto.Map
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {onnx.TypeProto.Map} Map
             */
            Map.fromObject = function (d, q) {
                if (d instanceof $root.onnx.TypeProto.Map)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".onnx.TypeProto.Map: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.onnx.TypeProto.Map();
                if (d.keyType != null) {
                    m.keyType = d.keyType | 0;
                }
                if (d.valueType != null) {
                    if (!$util.isObject(d.valueType))
                        throw $TypeError(".onnx.TypeProto.Map.valueType: object expected");
                    m.valueType = $root.onnx.TypeProto.fromObject(d.valueType, q + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from a Map message. Also converts values to other types if specified.
             * @function toObject
             * @memberof onnx.TypeProto.Map
             * @static
             * @param {onnx.TypeProto.Map} m Map
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Map.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.keyType = 0;
                    d.valueType = null;
                }
                if (m.keyType != null && $Object.hasOwnProperty.call(m, "keyType")) {
                    d.keyType = m.keyType;
                }
                if (m.valueType != null && $Object.hasOwnProperty.call(m, "valueType")) {
                    d.valueType = $root.onnx.TypeProto.toObject(m.valueType, o, q + 1);
                }
                return d;
            };

            /**
             * Converts this Map to JSON.
             * @function toJSON
             * @memberof onnx.TypeProto.Map
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Map.prototype.toJSON = function() {
                return Map.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Map
             * @function getTypeUrl
             * @memberof onnx.TypeProto.Map
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Map.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/onnx.TypeProto.Map";
            };

            return Map;
        })();

        TypeProto.Optional = (function() {

            /**
             * Properties of an Optional.
             * @typedef {Object} onnx.TypeProto.Optional.$Properties
             * @property {onnx.TypeProto.$Properties|null} [elemType] Optional elemType
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Optional.
             * @memberof onnx.TypeProto
             * @interface IOptional
             * @augments onnx.TypeProto.Optional.$Properties
             * @deprecated Use onnx.TypeProto.Optional.$Properties instead.
             */

            /**
             * Shape of an Optional.
             * @typedef {{
             *   elemType?: onnx.TypeProto.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} onnx.TypeProto.Optional.$Shape
             */

            /**
             * Constructs a new Optional.
             * @memberof onnx.TypeProto
             * @classdesc Represents an Optional.
             * @constructor
             * @param {onnx.TypeProto.Optional.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Optional = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Optional elemType.
             * @member {onnx.TypeProto.$Properties|null|undefined} elemType
             * @memberof onnx.TypeProto.Optional
             * @instance
             */
            Optional.prototype.elemType = null;

            /**
             * Creates a new Optional instance using the specified properties.
             * @function create
             * @memberof onnx.TypeProto.Optional
             * @static
             * @param {onnx.TypeProto.Optional.$Properties=} [properties] Properties to set
             * @returns {onnx.TypeProto.Optional} Optional instance
             * @type {{
             *   (properties: onnx.TypeProto.Optional.$Shape): onnx.TypeProto.Optional & onnx.TypeProto.Optional.$Shape;
             *   (properties?: onnx.TypeProto.Optional.$Properties): onnx.TypeProto.Optional;
             * }}
             */
            Optional.create = function(properties) {
                return new Optional(properties);
            };

            /**
             * Encodes the specified Optional message. Does not implicitly {@link onnx.TypeProto.Optional.verify|verify} messages.
             * @function encode
             * @memberof onnx.TypeProto.Optional
             * @static
             * @param {onnx.TypeProto.Optional.$Properties} m Optional message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Optional.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.elemType != null && $Object.hasOwnProperty.call(m, "elemType"))
                    $root.onnx.TypeProto.encode(m.elemType, w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an Optional message from the specified reader or buffer.
             * @function decode
             * @memberof onnx.TypeProto.Optional
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {onnx.TypeProto.Optional & onnx.TypeProto.Optional.$Shape} Optional
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Optional.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.onnx.TypeProto.Optional();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            m.elemType = $root.onnx.TypeProto.decode(r, r.size(), $undefined, q + 1, m.elemType);
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates an Optional message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof onnx.TypeProto.Optional
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {onnx.TypeProto.Optional} Optional
             */
            Optional.fromObject = function (d, q) {
                if (d instanceof $root.onnx.TypeProto.Optional)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".onnx.TypeProto.Optional: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.onnx.TypeProto.Optional();
                if (d.elemType != null) {
                    if (!$util.isObject(d.elemType))
                        throw $TypeError(".onnx.TypeProto.Optional.elemType: object expected");
                    m.elemType = $root.onnx.TypeProto.fromObject(d.elemType, q + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from an Optional message. Also converts values to other types if specified.
             * @function toObject
             * @memberof onnx.TypeProto.Optional
             * @static
             * @param {onnx.TypeProto.Optional} m Optional
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Optional.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.elemType = null;
                }
                if (m.elemType != null && $Object.hasOwnProperty.call(m, "elemType")) {
                    d.elemType = $root.onnx.TypeProto.toObject(m.elemType, o, q + 1);
                }
                return d;
            };

            /**
             * Converts this Optional to JSON.
             * @function toJSON
             * @memberof onnx.TypeProto.Optional
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Optional.prototype.toJSON = function() {
                return Optional.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Optional
             * @function getTypeUrl
             * @memberof onnx.TypeProto.Optional
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Optional.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/onnx.TypeProto.Optional";
            };

            return Optional;
        })();

        TypeProto.SparseTensor = (function() {

            /**
             * Properties of a SparseTensor.
             * @typedef {Object} onnx.TypeProto.SparseTensor.$Properties
             * @property {number|null} [elemType] SparseTensor elemType
             * @property {onnx.TensorShapeProto.$Properties|null} [shape] SparseTensor shape
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SparseTensor.
             * @memberof onnx.TypeProto
             * @interface ISparseTensor
             * @augments onnx.TypeProto.SparseTensor.$Properties
             * @deprecated Use onnx.TypeProto.SparseTensor.$Properties instead.
             */

            /**
             * Shape of a SparseTensor.
             * @typedef {{
             *   elemType?: number|null;
             *   shape?: onnx.TensorShapeProto.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} onnx.TypeProto.SparseTensor.$Shape
             */

            /**
             * Constructs a new SparseTensor.
             * @memberof onnx.TypeProto
             * @classdesc Represents a SparseTensor.
             * @constructor
             * @param {onnx.TypeProto.SparseTensor.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SparseTensor = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SparseTensor elemType.
             * @member {number} elemType
             * @memberof onnx.TypeProto.SparseTensor
             * @instance
             */
            SparseTensor.prototype.elemType = 0;

            /**
             * SparseTensor shape.
             * @member {onnx.TensorShapeProto.$Properties|null|undefined} shape
             * @memberof onnx.TypeProto.SparseTensor
             * @instance
             */
            SparseTensor.prototype.shape = null;

            /**
             * Creates a new SparseTensor instance using the specified properties.
             * @function create
             * @memberof onnx.TypeProto.SparseTensor
             * @static
             * @param {onnx.TypeProto.SparseTensor.$Properties=} [properties] Properties to set
             * @returns {onnx.TypeProto.SparseTensor} SparseTensor instance
             * @type {{
             *   (properties: onnx.TypeProto.SparseTensor.$Shape): onnx.TypeProto.SparseTensor & onnx.TypeProto.SparseTensor.$Shape;
             *   (properties?: onnx.TypeProto.SparseTensor.$Properties): onnx.TypeProto.SparseTensor;
             * }}
             */
            SparseTensor.create = function(properties) {
                return new SparseTensor(properties);
            };

            /**
             * Encodes the specified SparseTensor message. Does not implicitly {@link onnx.TypeProto.SparseTensor.verify|verify} messages.
             * @function encode
             * @memberof onnx.TypeProto.SparseTensor
             * @static
             * @param {onnx.TypeProto.SparseTensor.$Properties} m SparseTensor message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SparseTensor.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.elemType != null && $Object.hasOwnProperty.call(m, "elemType"))
                    w.uint32(/* id 1, wireType 0 =*/8).int32(m.elemType);
                if (m.shape != null && $Object.hasOwnProperty.call(m, "shape"))
                    $root.onnx.TensorShapeProto.encode(m.shape, w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a SparseTensor message from the specified reader or buffer.
             * @function decode
             * @memberof onnx.TypeProto.SparseTensor
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {onnx.TypeProto.SparseTensor & onnx.TypeProto.SparseTensor.$Shape} SparseTensor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SparseTensor.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.onnx.TypeProto.SparseTensor();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            m.elemType = r.int32();
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.shape = $root.onnx.TensorShapeProto.decode(r, r.size(), $undefined, q + 1, m.shape);
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates a SparseTensor message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof onnx.TypeProto.SparseTensor
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {onnx.TypeProto.SparseTensor} SparseTensor
             */
            SparseTensor.fromObject = function (d, q) {
                if (d instanceof $root.onnx.TypeProto.SparseTensor)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".onnx.TypeProto.SparseTensor: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.onnx.TypeProto.SparseTensor();
                if (d.elemType != null) {
                    m.elemType = d.elemType | 0;
                }
                if (d.shape != null) {
                    if (!$util.isObject(d.shape))
                        throw $TypeError(".onnx.TypeProto.SparseTensor.shape: object expected");
                    m.shape = $root.onnx.TensorShapeProto.fromObject(d.shape, q + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from a SparseTensor message. Also converts values to other types if specified.
             * @function toObject
             * @memberof onnx.TypeProto.SparseTensor
             * @static
             * @param {onnx.TypeProto.SparseTensor} m SparseTensor
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SparseTensor.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.elemType = 0;
                    d.shape = null;
                }
                if (m.elemType != null && $Object.hasOwnProperty.call(m, "elemType")) {
                    d.elemType = m.elemType;
                }
                if (m.shape != null && $Object.hasOwnProperty.call(m, "shape")) {
                    d.shape = $root.onnx.TensorShapeProto.toObject(m.shape, o, q + 1);
                }
                return d;
            };

            /**
             * Converts this SparseTensor to JSON.
             * @function toJSON
             * @memberof onnx.TypeProto.SparseTensor
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SparseTensor.prototype.toJSON = function() {
                return SparseTensor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SparseTensor
             * @function getTypeUrl
             * @memberof onnx.TypeProto.SparseTensor
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SparseTensor.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/onnx.TypeProto.SparseTensor";
            };

            return SparseTensor;
        })();

        TypeProto.Opaque = (function() {

            /**
             * Properties of an Opaque.
             * @typedef {Object} onnx.TypeProto.Opaque.$Properties
             * @property {string|null} [domain] Opaque domain
             * @property {string|null} [name] Opaque name
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Opaque.
             * @memberof onnx.TypeProto
             * @interface IOpaque
             * @augments onnx.TypeProto.Opaque.$Properties
             * @deprecated Use onnx.TypeProto.Opaque.$Properties instead.
             */

            /**
             * Shape of an Opaque.
             * @typedef {onnx.TypeProto.Opaque.$Properties} onnx.TypeProto.Opaque.$Shape
             */

            /**
             * Constructs a new Opaque.
             * @memberof onnx.TypeProto
             * @classdesc Represents an Opaque.
             * @constructor
             * @param {onnx.TypeProto.Opaque.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Opaque = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Opaque domain.
             * @member {string} domain
             * @memberof onnx.TypeProto.Opaque
             * @instance
             */
            Opaque.prototype.domain = "";

            /**
             * Opaque name.
             * @member {string} name
             * @memberof onnx.TypeProto.Opaque
             * @instance
             */
            Opaque.prototype.name = "";

            /**
             * Creates a new Opaque instance using the specified properties.
             * @function create
             * @memberof onnx.TypeProto.Opaque
             * @static
             * @param {onnx.TypeProto.Opaque.$Properties=} [properties] Properties to set
             * @returns {onnx.TypeProto.Opaque} Opaque instance
             * @type {{
             *   (properties: onnx.TypeProto.Opaque.$Shape): onnx.TypeProto.Opaque & onnx.TypeProto.Opaque.$Shape;
             *   (properties?: onnx.TypeProto.Opaque.$Properties): onnx.TypeProto.Opaque;
             * }}
             */
            Opaque.create = function(properties) {
                return new Opaque(properties);
            };

            /**
             * Encodes the specified Opaque message. Does not implicitly {@link onnx.TypeProto.Opaque.verify|verify} messages.
             * @function encode
             * @memberof onnx.TypeProto.Opaque
             * @static
             * @param {onnx.TypeProto.Opaque.$Properties} m Opaque message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Opaque.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.domain != null && $Object.hasOwnProperty.call(m, "domain"))
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.domain);
                if (m.name != null && $Object.hasOwnProperty.call(m, "name"))
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.name);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an Opaque message from the specified reader or buffer.
             * @function decode
             * @memberof onnx.TypeProto.Opaque
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {onnx.TypeProto.Opaque & onnx.TypeProto.Opaque.$Shape} Opaque
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Opaque.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.onnx.TypeProto.Opaque();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            m.domain = r.string();
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.name = r.string();
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates an Opaque message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof onnx.TypeProto.Opaque
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {onnx.TypeProto.Opaque} Opaque
             */
            Opaque.fromObject = function (d, q) {
                if (d instanceof $root.onnx.TypeProto.Opaque)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".onnx.TypeProto.Opaque: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.onnx.TypeProto.Opaque();
                if (d.domain != null) {
                    m.domain = $String(d.domain);
                }
                if (d.name != null) {
                    m.name = $String(d.name);
                }
                return m;
            };

            /**
             * Creates a plain object from an Opaque message. Also converts values to other types if specified.
             * @function toObject
             * @memberof onnx.TypeProto.Opaque
             * @static
             * @param {onnx.TypeProto.Opaque} m Opaque
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Opaque.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.domain = "";
                    d.name = "";
                }
                if (m.domain != null && $Object.hasOwnProperty.call(m, "domain")) {
                    d.domain = m.domain;
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                return d;
            };

            /**
             * Converts this Opaque to JSON.
             * @function toJSON
             * @memberof onnx.TypeProto.Opaque
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Opaque.prototype.toJSON = function() {
                return Opaque.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Opaque
             * @function getTypeUrl
             * @memberof onnx.TypeProto.Opaque
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Opaque.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/onnx.TypeProto.Opaque";
            };

            return Opaque;
        })();

        return TypeProto;
    })();

    onnx.OperatorSetIdProto = (function() {

        /**
         * Properties of an OperatorSetIdProto.
         * @typedef {Object} onnx.OperatorSetIdProto.$Properties
         * @property {string|null} [domain] OperatorSetIdProto domain
         * @property {number|Long|null} [version] OperatorSetIdProto version
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an OperatorSetIdProto.
         * @memberof onnx
         * @interface IOperatorSetIdProto
         * @augments onnx.OperatorSetIdProto.$Properties
         * @deprecated Use onnx.OperatorSetIdProto.$Properties instead.
         */

        /**
         * Shape of an OperatorSetIdProto.
         * @typedef {onnx.OperatorSetIdProto.$Properties} onnx.OperatorSetIdProto.$Shape
         */

        /**
         * Constructs a new OperatorSetIdProto.
         * @memberof onnx
         * @classdesc Represents an OperatorSetIdProto.
         * @constructor
         * @param {onnx.OperatorSetIdProto.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const OperatorSetIdProto = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * OperatorSetIdProto domain.
         * @member {string} domain
         * @memberof onnx.OperatorSetIdProto
         * @instance
         */
        OperatorSetIdProto.prototype.domain = "";

        /**
         * OperatorSetIdProto version.
         * @member {number|Long} version
         * @memberof onnx.OperatorSetIdProto
         * @instance
         */
        OperatorSetIdProto.prototype.version = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * Creates a new OperatorSetIdProto instance using the specified properties.
         * @function create
         * @memberof onnx.OperatorSetIdProto
         * @static
         * @param {onnx.OperatorSetIdProto.$Properties=} [properties] Properties to set
         * @returns {onnx.OperatorSetIdProto} OperatorSetIdProto instance
         * @type {{
         *   (properties: onnx.OperatorSetIdProto.$Shape): onnx.OperatorSetIdProto & onnx.OperatorSetIdProto.$Shape;
         *   (properties?: onnx.OperatorSetIdProto.$Properties): onnx.OperatorSetIdProto;
         * }}
         */
        OperatorSetIdProto.create = function(properties) {
            return new OperatorSetIdProto(properties);
        };

        /**
         * Encodes the specified OperatorSetIdProto message. Does not implicitly {@link onnx.OperatorSetIdProto.verify|verify} messages.
         * @function encode
         * @memberof onnx.OperatorSetIdProto
         * @static
         * @param {onnx.OperatorSetIdProto.$Properties} m OperatorSetIdProto message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        OperatorSetIdProto.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.domain != null && $Object.hasOwnProperty.call(m, "domain"))
                w.uint32(/* id 1, wireType 2 =*/10).string(m.domain);
            if (m.version != null && $Object.hasOwnProperty.call(m, "version"))
                w.uint32(/* id 2, wireType 0 =*/16).int64(m.version);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes an OperatorSetIdProto message from the specified reader or buffer.
         * @function decode
         * @memberof onnx.OperatorSetIdProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {onnx.OperatorSetIdProto & onnx.OperatorSetIdProto.$Shape} OperatorSetIdProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        OperatorSetIdProto.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.onnx.OperatorSetIdProto();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        m.domain = r.string();
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        m.version = r.int64();
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Creates an OperatorSetIdProto message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof onnx.OperatorSetIdProto
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {onnx.OperatorSetIdProto} OperatorSetIdProto
         */
        OperatorSetIdProto.fromObject = function (d, q) {
            if (d instanceof $root.onnx.OperatorSetIdProto)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".onnx.OperatorSetIdProto: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.onnx.OperatorSetIdProto();
            if (d.domain != null) {
                m.domain = $String(d.domain);
            }
            if (d.version != null) {
                if ($util.Long)
                    m.version = $util.Long.fromValue(d.version, false);
                else if (typeof d.version === "string")
                    m.version = $parseInt(d.version, 10);
                else if (typeof d.version === "number")
                    m.version = d.version;
                else if (typeof d.version === "object")
                    m.version = new $util.LongBits(d.version.low >>> 0, d.version.high >>> 0).toNumber();
            }
            return m;
        };

        /**
         * Creates a plain object from an OperatorSetIdProto message. Also converts values to other types if specified.
         * @function toObject
         * @memberof onnx.OperatorSetIdProto
         * @static
         * @param {onnx.OperatorSetIdProto} m OperatorSetIdProto
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        OperatorSetIdProto.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.domain = "";
                if ($util.Long) {
                    var n = new $util.Long(0, 0, false);
                    d.version = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.version = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
            }
            if (m.domain != null && $Object.hasOwnProperty.call(m, "domain")) {
                d.domain = m.domain;
            }
            if (m.version != null && $Object.hasOwnProperty.call(m, "version")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.version = typeof m.version === "number" ? $BigInt(m.version) : $util.Long.fromBits(m.version.low >>> 0, m.version.high >>> 0, false).toBigInt();
                else if (typeof m.version === "number")
                    d.version = o.longs === $String ? $String(m.version) : m.version;
                else
                    d.version = o.longs === $String ? $util.Long.prototype.toString.call(m.version) : o.longs === $Number ? new $util.LongBits(m.version.low >>> 0, m.version.high >>> 0).toNumber() : m.version;
            }
            return d;
        };

        /**
         * Converts this OperatorSetIdProto to JSON.
         * @function toJSON
         * @memberof onnx.OperatorSetIdProto
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        OperatorSetIdProto.prototype.toJSON = function() {
            return OperatorSetIdProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for OperatorSetIdProto
         * @function getTypeUrl
         * @memberof onnx.OperatorSetIdProto
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        OperatorSetIdProto.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/onnx.OperatorSetIdProto";
        };

        return OperatorSetIdProto;
    })();

    /**
     * OperatorStatus enum.
     * @name onnx.OperatorStatus
     * @enum {number}
     * @property {number} EXPERIMENTAL=0 EXPERIMENTAL value
     * @property {number} STABLE=1 STABLE value
     */
    onnx.OperatorStatus = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "EXPERIMENTAL"] = 0;
        values[valuesById[1] = "STABLE"] = 1;
        return values;
    })();

    onnx.FunctionProto = (function() {

        /**
         * Properties of a FunctionProto.
         * @typedef {Object} onnx.FunctionProto.$Properties
         * @property {string|null} [name] FunctionProto name
         * @property {Array.<string>|null} [input] FunctionProto input
         * @property {Array.<string>|null} [output] FunctionProto output
         * @property {Array.<string>|null} [attribute] FunctionProto attribute
         * @property {Array.<onnx.AttributeProto.$Properties>|null} [attributeProto] FunctionProto attributeProto
         * @property {Array.<onnx.NodeProto.$Properties>|null} [node] FunctionProto node
         * @property {string|null} [docString] FunctionProto docString
         * @property {Array.<onnx.OperatorSetIdProto.$Properties>|null} [opsetImport] FunctionProto opsetImport
         * @property {string|null} [domain] FunctionProto domain
         * @property {string|null} [overload] FunctionProto overload
         * @property {Array.<onnx.ValueInfoProto.$Properties>|null} [valueInfo] FunctionProto valueInfo
         * @property {Array.<onnx.StringStringEntryProto.$Properties>|null} [metadataProps] FunctionProto metadataProps
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a FunctionProto.
         * @memberof onnx
         * @interface IFunctionProto
         * @augments onnx.FunctionProto.$Properties
         * @deprecated Use onnx.FunctionProto.$Properties instead.
         */

        /**
         * Shape of a FunctionProto.
         * @typedef {{
         *   name?: string|null;
         *   input?: Array.<string>|null;
         *   output?: Array.<string>|null;
         *   attribute?: Array.<string>|null;
         *   attributeProto?: Array.<onnx.AttributeProto.$Shape>|null;
         *   node?: Array.<onnx.NodeProto.$Shape>|null;
         *   docString?: string|null;
         *   opsetImport?: Array.<onnx.OperatorSetIdProto.$Shape>|null;
         *   domain?: string|null;
         *   overload?: string|null;
         *   valueInfo?: Array.<onnx.ValueInfoProto.$Shape>|null;
         *   metadataProps?: Array.<onnx.StringStringEntryProto.$Shape>|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} onnx.FunctionProto.$Shape
         */

        /**
         * Constructs a new FunctionProto.
         * @memberof onnx
         * @classdesc Represents a FunctionProto.
         * @constructor
         * @param {onnx.FunctionProto.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const FunctionProto = function (p) {
            this.input = [];
            this.output = [];
            this.attribute = [];
            this.attributeProto = [];
            this.node = [];
            this.opsetImport = [];
            this.valueInfo = [];
            this.metadataProps = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * FunctionProto name.
         * @member {string} name
         * @memberof onnx.FunctionProto
         * @instance
         */
        FunctionProto.prototype.name = "";

        /**
         * FunctionProto input.
         * @member {Array.<string>} input
         * @memberof onnx.FunctionProto
         * @instance
         */
        FunctionProto.prototype.input = $util.emptyArray;

        /**
         * FunctionProto output.
         * @member {Array.<string>} output
         * @memberof onnx.FunctionProto
         * @instance
         */
        FunctionProto.prototype.output = $util.emptyArray;

        /**
         * FunctionProto attribute.
         * @member {Array.<string>} attribute
         * @memberof onnx.FunctionProto
         * @instance
         */
        FunctionProto.prototype.attribute = $util.emptyArray;

        /**
         * FunctionProto attributeProto.
         * @member {Array.<onnx.AttributeProto.$Properties>} attributeProto
         * @memberof onnx.FunctionProto
         * @instance
         */
        FunctionProto.prototype.attributeProto = $util.emptyArray;

        /**
         * FunctionProto node.
         * @member {Array.<onnx.NodeProto.$Properties>} node
         * @memberof onnx.FunctionProto
         * @instance
         */
        FunctionProto.prototype.node = $util.emptyArray;

        /**
         * FunctionProto docString.
         * @member {string} docString
         * @memberof onnx.FunctionProto
         * @instance
         */
        FunctionProto.prototype.docString = "";

        /**
         * FunctionProto opsetImport.
         * @member {Array.<onnx.OperatorSetIdProto.$Properties>} opsetImport
         * @memberof onnx.FunctionProto
         * @instance
         */
        FunctionProto.prototype.opsetImport = $util.emptyArray;

        /**
         * FunctionProto domain.
         * @member {string} domain
         * @memberof onnx.FunctionProto
         * @instance
         */
        FunctionProto.prototype.domain = "";

        /**
         * FunctionProto overload.
         * @member {string} overload
         * @memberof onnx.FunctionProto
         * @instance
         */
        FunctionProto.prototype.overload = "";

        /**
         * FunctionProto valueInfo.
         * @member {Array.<onnx.ValueInfoProto.$Properties>} valueInfo
         * @memberof onnx.FunctionProto
         * @instance
         */
        FunctionProto.prototype.valueInfo = $util.emptyArray;

        /**
         * FunctionProto metadataProps.
         * @member {Array.<onnx.StringStringEntryProto.$Properties>} metadataProps
         * @memberof onnx.FunctionProto
         * @instance
         */
        FunctionProto.prototype.metadataProps = $util.emptyArray;

        /**
         * Creates a new FunctionProto instance using the specified properties.
         * @function create
         * @memberof onnx.FunctionProto
         * @static
         * @param {onnx.FunctionProto.$Properties=} [properties] Properties to set
         * @returns {onnx.FunctionProto} FunctionProto instance
         * @type {{
         *   (properties: onnx.FunctionProto.$Shape): onnx.FunctionProto & onnx.FunctionProto.$Shape;
         *   (properties?: onnx.FunctionProto.$Properties): onnx.FunctionProto;
         * }}
         */
        FunctionProto.create = function(properties) {
            return new FunctionProto(properties);
        };

        /**
         * Encodes the specified FunctionProto message. Does not implicitly {@link onnx.FunctionProto.verify|verify} messages.
         * @function encode
         * @memberof onnx.FunctionProto
         * @static
         * @param {onnx.FunctionProto.$Properties} m FunctionProto message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        FunctionProto.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.name != null && $Object.hasOwnProperty.call(m, "name"))
                w.uint32(/* id 1, wireType 2 =*/10).string(m.name);
            if (m.input != null && m.input.length) {
                for (var i = 0; i < m.input.length; ++i)
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.input[i]);
            }
            if (m.output != null && m.output.length) {
                for (var i = 0; i < m.output.length; ++i)
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.output[i]);
            }
            if (m.attribute != null && m.attribute.length) {
                for (var i = 0; i < m.attribute.length; ++i)
                    w.uint32(/* id 6, wireType 2 =*/50).string(m.attribute[i]);
            }
            if (m.node != null && m.node.length) {
                for (var i = 0; i < m.node.length; ++i)
                    $root.onnx.NodeProto.encode(m.node[i], w.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
            }
            if (m.docString != null && $Object.hasOwnProperty.call(m, "docString"))
                w.uint32(/* id 8, wireType 2 =*/66).string(m.docString);
            if (m.opsetImport != null && m.opsetImport.length) {
                for (var i = 0; i < m.opsetImport.length; ++i)
                    $root.onnx.OperatorSetIdProto.encode(m.opsetImport[i], w.uint32(/* id 9, wireType 2 =*/74).fork(), q + 1).ldelim();
            }
            if (m.domain != null && $Object.hasOwnProperty.call(m, "domain"))
                w.uint32(/* id 10, wireType 2 =*/82).string(m.domain);
            if (m.attributeProto != null && m.attributeProto.length) {
                for (var i = 0; i < m.attributeProto.length; ++i)
                    $root.onnx.AttributeProto.encode(m.attributeProto[i], w.uint32(/* id 11, wireType 2 =*/90).fork(), q + 1).ldelim();
            }
            if (m.valueInfo != null && m.valueInfo.length) {
                for (var i = 0; i < m.valueInfo.length; ++i)
                    $root.onnx.ValueInfoProto.encode(m.valueInfo[i], w.uint32(/* id 12, wireType 2 =*/98).fork(), q + 1).ldelim();
            }
            if (m.overload != null && $Object.hasOwnProperty.call(m, "overload"))
                w.uint32(/* id 13, wireType 2 =*/106).string(m.overload);
            if (m.metadataProps != null && m.metadataProps.length) {
                for (var i = 0; i < m.metadataProps.length; ++i)
                    $root.onnx.StringStringEntryProto.encode(m.metadataProps[i], w.uint32(/* id 14, wireType 2 =*/114).fork(), q + 1).ldelim();
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a FunctionProto message from the specified reader or buffer.
         * @function decode
         * @memberof onnx.FunctionProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {onnx.FunctionProto & onnx.FunctionProto.$Shape} FunctionProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        FunctionProto.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.onnx.FunctionProto();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        m.name = r.string();
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if (!(m.input && m.input.length))
                            m.input = [];
                        m.input.push(r.string());
                        continue;
                    }
                case 5: {
                        if (u !== 2)
                            break;
                        if (!(m.output && m.output.length))
                            m.output = [];
                        m.output.push(r.string());
                        continue;
                    }
                case 6: {
                        if (u !== 2)
                            break;
                        if (!(m.attribute && m.attribute.length))
                            m.attribute = [];
                        m.attribute.push(r.string());
                        continue;
                    }
                case 11: {
                        if (u !== 2)
                            break;
                        if (!(m.attributeProto && m.attributeProto.length))
                            m.attributeProto = [];
                        m.attributeProto.push($root.onnx.AttributeProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 7: {
                        if (u !== 2)
                            break;
                        if (!(m.node && m.node.length))
                            m.node = [];
                        m.node.push($root.onnx.NodeProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 8: {
                        if (u !== 2)
                            break;
                        m.docString = r.string();
                        continue;
                    }
                case 9: {
                        if (u !== 2)
                            break;
                        if (!(m.opsetImport && m.opsetImport.length))
                            m.opsetImport = [];
                        m.opsetImport.push($root.onnx.OperatorSetIdProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 10: {
                        if (u !== 2)
                            break;
                        m.domain = r.string();
                        continue;
                    }
                case 13: {
                        if (u !== 2)
                            break;
                        m.overload = r.string();
                        continue;
                    }
                case 12: {
                        if (u !== 2)
                            break;
                        if (!(m.valueInfo && m.valueInfo.length))
                            m.valueInfo = [];
                        m.valueInfo.push($root.onnx.ValueInfoProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 14: {
                        if (u !== 2)
                            break;
                        if (!(m.metadataProps && m.metadataProps.length))
                            m.metadataProps = [];
                        m.metadataProps.push($root.onnx.StringStringEntryProto.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Creates a FunctionProto message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof onnx.FunctionProto
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {onnx.FunctionProto} FunctionProto
         */
        FunctionProto.fromObject = function (d, q) {
            if (d instanceof $root.onnx.FunctionProto)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".onnx.FunctionProto: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.onnx.FunctionProto();
            if (d.name != null) {
                m.name = $String(d.name);
            }
            if (d.input) {
                if (!$Array.isArray(d.input))
                    throw $TypeError(".onnx.FunctionProto.input: array expected");
                m.input = $Array(d.input.length);
                for (var i = 0; i < d.input.length; ++i) {
                    m.input[i] = $String(d.input[i]);
                }
            }
            if (d.output) {
                if (!$Array.isArray(d.output))
                    throw $TypeError(".onnx.FunctionProto.output: array expected");
                m.output = $Array(d.output.length);
                for (var i = 0; i < d.output.length; ++i) {
                    m.output[i] = $String(d.output[i]);
                }
            }
            if (d.attribute) {
                if (!$Array.isArray(d.attribute))
                    throw $TypeError(".onnx.FunctionProto.attribute: array expected");
                m.attribute = $Array(d.attribute.length);
                for (var i = 0; i < d.attribute.length; ++i) {
                    m.attribute[i] = $String(d.attribute[i]);
                }
            }
            if (d.attributeProto) {
                if (!$Array.isArray(d.attributeProto))
                    throw $TypeError(".onnx.FunctionProto.attributeProto: array expected");
                m.attributeProto = $Array(d.attributeProto.length);
                for (var i = 0; i < d.attributeProto.length; ++i) {
                    if (!$util.isObject(d.attributeProto[i]))
                        throw $TypeError(".onnx.FunctionProto.attributeProto: object expected");
                    m.attributeProto[i] = $root.onnx.AttributeProto.fromObject(d.attributeProto[i], q + 1);
                }
            }
            if (d.node) {
                if (!$Array.isArray(d.node))
                    throw $TypeError(".onnx.FunctionProto.node: array expected");
                m.node = $Array(d.node.length);
                for (var i = 0; i < d.node.length; ++i) {
                    if (!$util.isObject(d.node[i]))
                        throw $TypeError(".onnx.FunctionProto.node: object expected");
                    m.node[i] = $root.onnx.NodeProto.fromObject(d.node[i], q + 1);
                }
            }
            if (d.docString != null) {
                m.docString = $String(d.docString);
            }
            if (d.opsetImport) {
                if (!$Array.isArray(d.opsetImport))
                    throw $TypeError(".onnx.FunctionProto.opsetImport: array expected");
                m.opsetImport = $Array(d.opsetImport.length);
                for (var i = 0; i < d.opsetImport.length; ++i) {
                    if (!$util.isObject(d.opsetImport[i]))
                        throw $TypeError(".onnx.FunctionProto.opsetImport: object expected");
                    m.opsetImport[i] = $root.onnx.OperatorSetIdProto.fromObject(d.opsetImport[i], q + 1);
                }
            }
            if (d.domain != null) {
                m.domain = $String(d.domain);
            }
            if (d.overload != null) {
                m.overload = $String(d.overload);
            }
            if (d.valueInfo) {
                if (!$Array.isArray(d.valueInfo))
                    throw $TypeError(".onnx.FunctionProto.valueInfo: array expected");
                m.valueInfo = $Array(d.valueInfo.length);
                for (var i = 0; i < d.valueInfo.length; ++i) {
                    if (!$util.isObject(d.valueInfo[i]))
                        throw $TypeError(".onnx.FunctionProto.valueInfo: object expected");
                    m.valueInfo[i] = $root.onnx.ValueInfoProto.fromObject(d.valueInfo[i], q + 1);
                }
            }
            if (d.metadataProps) {
                if (!$Array.isArray(d.metadataProps))
                    throw $TypeError(".onnx.FunctionProto.metadataProps: array expected");
                m.metadataProps = $Array(d.metadataProps.length);
                for (var i = 0; i < d.metadataProps.length; ++i) {
                    if (!$util.isObject(d.metadataProps[i]))
                        throw $TypeError(".onnx.FunctionProto.metadataProps: object expected");
                    m.metadataProps[i] = $root.onnx.StringStringEntryProto.fromObject(d.metadataProps[i], q + 1);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a FunctionProto message. Also converts values to other types if specified.
         * @function toObject
         * @memberof onnx.FunctionProto
         * @static
         * @param {onnx.FunctionProto} m FunctionProto
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        FunctionProto.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.input = [];
                d.output = [];
                d.attribute = [];
                d.node = [];
                d.opsetImport = [];
                d.attributeProto = [];
                d.valueInfo = [];
                d.metadataProps = [];
            }
            if (o.defaults) {
                d.name = "";
                d.docString = "";
                d.domain = "";
                d.overload = "";
            }
            if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                d.name = m.name;
            }
            if (m.input && m.input.length) {
                d.input = $Array(m.input.length);
                for (var j = 0; j < m.input.length; ++j) {
                    d.input[j] = m.input[j];
                }
            }
            if (m.output && m.output.length) {
                d.output = $Array(m.output.length);
                for (var j = 0; j < m.output.length; ++j) {
                    d.output[j] = m.output[j];
                }
            }
            if (m.attribute && m.attribute.length) {
                d.attribute = $Array(m.attribute.length);
                for (var j = 0; j < m.attribute.length; ++j) {
                    d.attribute[j] = m.attribute[j];
                }
            }
            if (m.node && m.node.length) {
                d.node = $Array(m.node.length);
                for (var j = 0; j < m.node.length; ++j) {
                    d.node[j] = $root.onnx.NodeProto.toObject(m.node[j], o, q + 1);
                }
            }
            if (m.docString != null && $Object.hasOwnProperty.call(m, "docString")) {
                d.docString = m.docString;
            }
            if (m.opsetImport && m.opsetImport.length) {
                d.opsetImport = $Array(m.opsetImport.length);
                for (var j = 0; j < m.opsetImport.length; ++j) {
                    d.opsetImport[j] = $root.onnx.OperatorSetIdProto.toObject(m.opsetImport[j], o, q + 1);
                }
            }
            if (m.domain != null && $Object.hasOwnProperty.call(m, "domain")) {
                d.domain = m.domain;
            }
            if (m.attributeProto && m.attributeProto.length) {
                d.attributeProto = $Array(m.attributeProto.length);
                for (var j = 0; j < m.attributeProto.length; ++j) {
                    d.attributeProto[j] = $root.onnx.AttributeProto.toObject(m.attributeProto[j], o, q + 1);
                }
            }
            if (m.valueInfo && m.valueInfo.length) {
                d.valueInfo = $Array(m.valueInfo.length);
                for (var j = 0; j < m.valueInfo.length; ++j) {
                    d.valueInfo[j] = $root.onnx.ValueInfoProto.toObject(m.valueInfo[j], o, q + 1);
                }
            }
            if (m.overload != null && $Object.hasOwnProperty.call(m, "overload")) {
                d.overload = m.overload;
            }
            if (m.metadataProps && m.metadataProps.length) {
                d.metadataProps = $Array(m.metadataProps.length);
                for (var j = 0; j < m.metadataProps.length; ++j) {
                    d.metadataProps[j] = $root.onnx.StringStringEntryProto.toObject(m.metadataProps[j], o, q + 1);
                }
            }
            return d;
        };

        /**
         * Converts this FunctionProto to JSON.
         * @function toJSON
         * @memberof onnx.FunctionProto
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        FunctionProto.prototype.toJSON = function() {
            return FunctionProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for FunctionProto
         * @function getTypeUrl
         * @memberof onnx.FunctionProto
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        FunctionProto.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/onnx.FunctionProto";
        };

        return FunctionProto;
    })();

    return onnx;
})();

export {
  $root as default
};
