package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writesPerFunc is how many driver writes each generated function holds.
const writesPerFunc = 10

// callsFunc is a function of the generated package: ten writes in the
// document forms the analyzer reads (bson.M, bson.D, variables changed
// piecemeal, helpers, constant keys, decoded documents, pipelines, models),
// guarded and unguarded, with results checked and discarded.
const callsFunc = `
func update%[1]d(ctx context.Context, coll *mongo.Collection, id bson.ObjectID, n int, name string) error {
	if _, err := coll.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"name": name}}); err != nil {
		return err
	}
	res, err := coll.UpdateOne(ctx,
		bson.D{{Key: "_id", Value: id}, {Key: "v", Value: n}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "name", Value: name}}}, {Key: "$inc", Value: bson.D{{Key: "v", Value: 1}}}})
	if err != nil {
		return err
	}
	if res.MatchedCount == 0 {
		return errConflict
	}
	filter := bson.M{"_id": id}
	filter["status"] = "new"
	update := bson.M{"$set": bson.M{"status": "done"}}
	coll.UpdateMany(ctx, filter, update)
	var cur struct {
		Qty int ` + "`bson:\"qty\"`" + `
	}
	if err := coll.FindOne(ctx, bson.M{"_id": id}).Decode(&cur); err != nil {
		return err
	}
	coll.UpdateByID(ctx, id, bson.M{"$set": bson.M{"qty": cur.Qty - n}})
	coll.UpdateOne(ctx, byID(id), bson.M{opSet: bson.M{fieldStatus: "x%[1]d"}})
	coll.UpdateOne(ctx, bson.M{"_id": id}, mongo.Pipeline{{{Key: "$set", Value: bson.D{{Key: "a", Value: "$b"}}}}})
	coll.FindOneAndUpdate(ctx, bson.M{"_id": id, "lock": nil}, bson.M{"$set": bson.M{"lock": name}})
	coll.ReplaceOne(ctx, bson.M{"_id": id}, bson.M{"name": name})
	_, err = coll.BulkWrite(ctx, []mongo.WriteModel{
		mongo.NewUpdateOneModel().SetFilter(bson.M{"_id": id}).SetUpdate(bson.M{"$set": bson.M{"a": n}}),
		&mongo.UpdateManyModel{Filter: bson.M{"k": name}, Update: bson.M{"$inc": bson.M{"c": 1}}},
	})
	return err
}
`

const callsHeader = `package calls

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)
`

const callsCommon = `
const (
	opSet       = "$set"
	fieldStatus = "status"
)

var errConflict = errors.New("conflict")

func byID(id bson.ObjectID) bson.M { return bson.M{"_id": id} }
`

// writeCallsModule writes a module whose package calls holds n driver
// writes (a multiple of writesPerFunc), in files of 100 functions, and
// returns its directory. The module requires the driver versions of the
// real-driver test module, whose go.sum it copies.
func writeCallsModule(tb testing.TB, root string, n int) string {
	dir := filepath.Join(root, fmt.Sprintf("calls%d", n))
	realdrivers := filepath.Join("..", "..", "analyzer", "testdata", "realdrivers")
	for _, name := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join(realdrivers, name))
		if err != nil {
			tb.Fatal(err)
		}
		if name == "go.mod" {
			data = []byte(strings.Replace(string(data), "module example.com/realdrivers", "module example.com/calls", 1))
		}
		writeFile(tb, filepath.Join(dir, name), string(data))
	}
	writeFile(tb, filepath.Join(dir, "calls", "common.go"), "package calls\n\nimport (\n\t\"errors\"\n\n\t\"go.mongodb.org/mongo-driver/v2/bson\"\n)\n"+callsCommon)
	funcs := n / writesPerFunc
	for file := 0; file*100 < funcs; file++ {
		var b strings.Builder
		b.WriteString(callsHeader)
		for i := file * 100; i < min(funcs, (file+1)*100); i++ {
			fmt.Fprintf(&b, callsFunc, i)
		}
		writeFile(tb, filepath.Join(dir, "calls", fmt.Sprintf("calls%03d.go", file)), b.String())
	}
	return dir
}

func writeFile(tb testing.TB, path, content string) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		tb.Fatal(err)
	}
}
